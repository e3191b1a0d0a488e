import { describe, expect, it } from "vitest";
import { clientIpFrom } from "./client-ip";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("the client address for per-address limits", () => {
  it("takes the configured header, which our own proxy sets, over X-Forwarded-For", () => {
    const request = headers({ "x-real-ip": "203.0.113.7", "x-forwarded-for": "198.51.100.1" });
    expect(clientIpFrom(request, "x-real-ip")).toBe("203.0.113.7");
  });

  it("does not fall back to X-Forwarded-For when the configured header is missing", () => {
    // A client reaching the app past the proxy must not pick its own address.
    expect(clientIpFrom(headers({ "x-forwarded-for": "198.51.100.1" }), "x-real-ip")).toBeNull();
  });

  it("takes the last X-Forwarded-For hop without a configured header: the one closest to us", () => {
    // "1.1.1.1" is what the client claimed; the proxy appended the address it saw.
    expect(clientIpFrom(headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7" }), undefined)).toBe("203.0.113.7");
    expect(clientIpFrom(headers({ "x-forwarded-for": " 2001:db8::1 ,, " }), undefined)).toBe("2001:db8::1");
  });

  it("tells no address rather than a made-up one", () => {
    expect(clientIpFrom(headers({}), undefined)).toBeNull();
    expect(clientIpFrom(headers({ "x-forwarded-for": " , " }), undefined)).toBeNull();
    expect(clientIpFrom(headers({ "x-forwarded-for": "a".repeat(65) }), undefined)).toBeNull();
    expect(clientIpFrom(headers({ "x-forwarded-for": "a".repeat(64) }), undefined)).toBe("a".repeat(64));
  });
});
