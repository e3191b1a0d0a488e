import { describe, expect, it } from "vitest";
import { absoluteUrl, siteOrigin } from "./site-url";

const headers = (init: Record<string, string>) => new Headers(init);

describe("the site's origin", () => {
  it("prefers SITE_URL, then AUTH_URL, over anything the request says", () => {
    const request = headers({ host: "evil.example" });
    expect(siteOrigin({ SITE_URL: "https://paperboard.example/some/path", AUTH_URL: "https://auth.example" }, request)).toBe("https://paperboard.example");
    expect(siteOrigin({ SITE_URL: undefined, AUTH_URL: "http://localhost:3500" }, request)).toBe("http://localhost:3500");
  });

  it("falls back to the request's host and forwarded protocol", () => {
    const none = { SITE_URL: undefined, AUTH_URL: undefined };
    expect(siteOrigin(none, headers({ host: "127.0.0.1:3500" }))).toBe("http://127.0.0.1:3500");
    expect(siteOrigin(none, headers({ host: "internal:3000", "x-forwarded-host": "papers.example, proxy", "x-forwarded-proto": "https" }))).toBe("https://papers.example");
  });

  it("ignores a host header that is not a host", () => {
    expect(siteOrigin({ SITE_URL: undefined, AUTH_URL: undefined }, headers({ host: "a b/<script>" }))).toBe("http://localhost");
  });

  it("makes absolute URLs, keeping old-style IDs' slashes", () => {
    expect(absoluteUrl("https://paperboard.example", "/papers/hep-th/9901001")).toBe("https://paperboard.example/papers/hep-th/9901001");
  });
});
