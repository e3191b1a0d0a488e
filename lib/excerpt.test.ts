import { describe, expect, it } from "vitest";
import { excerpt } from "./excerpt";

describe("excerpt", () => {
  it("leaves short text alone", () => {
    expect(excerpt("A short abstract.", 50)).toBe("A short abstract.");
  });

  it("cuts at a word boundary and adds an ellipsis", () => {
    expect(excerpt("one two three four five", 12)).toBe("one two…");
  });

  it("keeps literal dollars literal", () => {
    expect(excerpt("It costs \\$5 and more words go on and on", 17)).toBe("It costs \\$5 and…");
  });

  it("never cuts inside a formula", () => {
    expect(excerpt("We show $\\sum_{k=1}^{n} k = n(n+1)/2$ holds for all n", 20)).toBe("We show…");
    expect(excerpt("Bound $O(n)$ and more words follow here", 18)).toBe("Bound $O(n)$ and…");
  });
});
