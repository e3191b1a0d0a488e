import { describe, expect, it } from "vitest";
import { signInAddress } from "./sign-in-address";

describe("signInAddress", () => {
  it("returns the reader to the page they were on, query included", () => {
    expect(signInAddress("/search", "?q=chaotic+dynamics")).toBe("/signin?callbackUrl=%2Fsearch%3Fq%3Dchaotic%2Bdynamics");
    expect(new URLSearchParams(signInAddress("/search", "?q=chaotic+dynamics&page=2").split("?")[1]).get("callbackUrl")).toBe("/search?q=chaotic+dynamics&page=2");
    expect(signInAddress("/papers/2401.12509")).toBe("/signin?callbackUrl=%2Fpapers%2F2401.12509");
  });

  it("does not return to the home page or to the account pages", () => {
    expect(signInAddress("/")).toBe("/signin");
    expect(signInAddress("/signin", "?callbackUrl=%2Fx")).toBe("/signin");
    expect(signInAddress("/signup")).toBe("/signin");
    expect(signInAddress("/signout")).toBe("/signin");
  });
});
