import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, EncryptJWT } from "jose";
import { decode, encode } from "next-auth/jwt";
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

// lib/auth/session-cookie.ts opens cookies as Auth.js's own `decode` does, with the key derived
// once: it must take exactly the tokens `decode` takes. Tokens sealed by hand with jose, as Auth.js
// seals them but for what each case changes.
describe("readSessionClaims against Auth.js's decode", () => {
  const name = "authjs.session-token";
  const derived = (secret: string, length: number) => hkdf("sha256", secret, name, `Auth.js Generated Encryption Key (${name})`, length);
  const thumbprint = async (key: Uint8Array) => calculateJwkThumbprint({ kty: "oct", k: base64url.encode(key) }, key.length === 64 ? "sha512" : "sha256");

  async function sealedBy({ secret = SECRET, alg = "dir", enc = "A256CBC-HS512", kid = "thumbprint" as string | null, expiresIn = 3600 }) {
    const key = await derived(secret, enc === "A256GCM" || alg === "A256KW" ? 32 : enc === "A128GCM" ? 16 : 64);
    const header = { alg, enc, ...(kid === null ? {} : { kid: kid === "thumbprint" ? await thumbprint(key) : kid }) };
    const now = Math.floor(Date.now() / 1000);
    return new EncryptJWT({ sub: "user-9", sv: 1 }).setProtectedHeader(header).setIssuedAt(now).setExpirationTime(now + expiresIn).encrypt(key);
  }

  const cases: [string, Parameters<typeof sealedBy>[0], boolean][] = [
    ["A256CBC-HS512 named by its thumbprint (what Auth.js seals)", {}, true],
    ["A256CBC-HS512 without a key name", { kid: null }, true],
    ["A256GCM named by its thumbprint", { enc: "A256GCM" }, true],
    ["A256GCM without a key name", { enc: "A256GCM", kid: null }, true],
    ["a key name that is not the key's", { kid: "another-key" }, false],
    ["a wrapped key instead of the key itself", { alg: "A256KW", kid: null }, false],
    ["a content encryption Auth.js does not use", { enc: "A128GCM", kid: null }, false],
    ["another secret", { secret: "another-secret-that-is-also-long-0123456789" }, false],
    ["expired a minute ago", { expiresIn: -60 }, false],
  ];

  it.each(cases)("%s", async (_, seal, taken) => {
    const value = await sealedBy(seal);
    const byAuthJs = await decode({ token: value, secret: SECRET, salt: name }).then(Boolean, () => false);
    expect(byAuthJs).toBe(taken);
    expect(await readSessionClaims([{ name, value }], SECRET)).toEqual(taken ? { userId: "user-9", sessionVersion: 1 } : null);
  });

  it("keeps each secret's key apart", async () => {
    const other = "another-secret-that-is-also-long-0123456789";
    expect(await readSessionClaims([{ name, value: await sealedBy({}) }], SECRET)).not.toBeNull();
    expect(await readSessionClaims([{ name, value: await sealedBy({ secret: other }) }], other)).not.toBeNull();
    expect(await readSessionClaims([{ name, value: await sealedBy({ secret: other }) }], SECRET)).toBeNull();
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
