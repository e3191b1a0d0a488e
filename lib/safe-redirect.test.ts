import { describe, expect, it } from "vitest";
import { authRedirect, safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it.each([
    ["/", "/"],
    ["/papers/2401.12345", "/papers/2401.12345"],
    ["/u/alice?tab=votes#top", "/u/alice?tab=votes#top"],
    ["/papers/../u/alice", "/u/alice"],
  ])("keeps our own path %s", (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });

  it.each([
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "https://evil.example/",
    "javascript:alert(1)",
    "evil.example",
    "",
    "/a\\b",
  ])("refuses %j", (input) => {
    expect(safeRedirect(input)).toBe("/");
  });

  it("refuses values that are not strings", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(["/u/alice"])).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirect("//evil.example", "/signin")).toBe("/signin");
  });
});

describe("authRedirect", () => {
  const baseUrl = "http://localhost:3200";

  it("resolves relative paths on our origin", () => {
    expect(authRedirect({ url: "/u/alice", baseUrl })).toBe("http://localhost:3200/u/alice");
  });

  it("keeps absolute URLs on our own origin", () => {
    expect(authRedirect({ url: "http://localhost:3200/papers/1?x=1", baseUrl })).toBe("http://localhost:3200/papers/1?x=1");
  });

  it("sends other origins home", () => {
    expect(authRedirect({ url: "https://evil.example/u/alice", baseUrl })).toBe(baseUrl);
    expect(authRedirect({ url: "//evil.example", baseUrl })).toBe("http://localhost:3200/");
    expect(authRedirect({ url: "not a url", baseUrl })).toBe(baseUrl);
  });
});
