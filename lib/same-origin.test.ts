import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "./same-origin";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("isSameOriginRequest", () => {
  it("accepts the site's own origin", () => {
    expect(isSameOriginRequest(headers({ host: "paperboard.org", origin: "https://paperboard.org" }))).toBe(true);
    expect(isSameOriginRequest(headers({ host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBe(true);
  });

  it("refuses other origins and cross-site fetches", () => {
    expect(isSameOriginRequest(headers({ host: "paperboard.org", origin: "https://evil.example" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "paperboard.org", origin: "null" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "paperboard.org", "sec-fetch-site": "cross-site" }))).toBe(false);
    expect(isSameOriginRequest(headers({ host: "paperboard.org", origin: "https://paperboard.org.evil.example" }))).toBe(false);
  });

  it("lets non-browser clients without Origin through (they carry no cookies of a victim)", () => {
    expect(isSameOriginRequest(headers({ host: "paperboard.org" }))).toBe(true);
  });
});
