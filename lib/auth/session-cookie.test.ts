import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { readSessionClaims, sessionCookieValue } from "./session-cookie";

const SECRET = "a-test-secret-that-is-long-enough-0123456789";

// Sealed exactly as Auth.js seals a session cookie at sign-in (lib/auth/config.ts's jwt callback).
async function sealed({ sub = "user-1", sv = 3, name = "authjs.session-token", secret = SECRET, maxAge = 3600 } = {}) {
  return { name, value: await encode({ token: { sub, sv }, secret, salt: name, maxAge }) };
}

describe("readSessionClaims", () => {
  it("reads the user and session version from a cookie Auth.js sealed", async () => {
    expect(await readSessionClaims([await sealed()], SECRET)).toEqual({ userId: "user-1", sessionVersion: 3 });
  });

  it("reads the https cookie name too", async () => {
    const cookie = await sealed({ name: "__Secure-authjs.session-token", sub: "user-2" });
    expect(await readSessionClaims([cookie], SECRET)).toEqual({ userId: "user-2", sessionVersion: 3 });
  });

  it("refuses a cookie sealed with another secret, or under another cookie's name", async () => {
    expect(await readSessionClaims([await sealed({ secret: "another-secret-that-is-also-long-0123456789" })], SECRET)).toBeNull();
    const renamed = await sealed({ name: "__Secure-authjs.session-token" });
    expect(await readSessionClaims([{ name: "authjs.session-token", value: renamed.value }], SECRET)).toBeNull();
  });

  it("refuses a tampered cookie", async () => {
    const cookie = await sealed({ sub: "user-3" });
    const middle = Math.floor(cookie.value.length / 2);
    const flipped = cookie.value.slice(0, middle) + (cookie.value[middle] === "A" ? "B" : "A") + cookie.value.slice(middle + 1);
    expect(await readSessionClaims([{ name: cookie.name, value: flipped }], SECRET)).toBeNull();
  });

  it("refuses an expired cookie, also once it has been read before", async () => {
    const cookie = await sealed({ sub: "user-4", maxAge: 60 });
    expect(await readSessionClaims([cookie], SECRET)).toEqual({ userId: "user-4", sessionVersion: 3 });
    expect(await readSessionClaims([cookie], SECRET, Date.now() + 61_000)).toBeNull();
  });

  it("refuses a sealed token without our claims", async () => {
    const value = await encode({ token: { sub: "user-5" }, secret: SECRET, salt: "authjs.session-token", maxAge: 3600 });
    expect(await readSessionClaims([{ name: "authjs.session-token", value }], SECRET)).toBeNull();
  });

  it("is null without a session cookie", async () => {
    expect(await readSessionClaims([{ name: "theme", value: "dark" }], SECRET)).toBeNull();
  });
});

describe("sessionCookieValue", () => {
  it("joins Auth.js's chunks in order", () => {
    const cookies = [
      { name: "authjs.session-token.1", value: "def" },
      { name: "authjs.session-token.0", value: "abc" },
      { name: "authjs.session-token.x", value: "zzz" },
    ];
    expect(sessionCookieValue(cookies)).toEqual({ name: "authjs.session-token", value: "abcdef" });
  });

  it("prefers the https cookie when both are present", () => {
    const cookies = [
      { name: "authjs.session-token", value: "plain" },
      { name: "__Secure-authjs.session-token", value: "secure" },
    ];
    expect(sessionCookieValue(cookies)).toEqual({ name: "__Secure-authjs.session-token", value: "secure" });
  });
});
