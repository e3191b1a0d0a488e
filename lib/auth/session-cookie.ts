import { hkdf } from "@panva/hkdf";
import { base64url, calculateJwkThumbprint, jwtDecrypt, type JWTPayload } from "jose";
import { z } from "zod";
import type { SessionClaims } from "./session-user";

// The session cookie's claims, read straight from the cookie. Auth.js's `auth()` answers the same
// question by running its whole session endpoint in-process: it builds a request, decrypts the
// cookie, runs the callbacks and then encrypts a fresh cookie it throws away (a Server Component
// or route handler cannot set it). That was most of the CPU a signed-in JSON request cost. Here a
// cookie is decrypted once and its claims remembered by the cookie's exact value, which is sealed
// with AUTH_SECRET and cannot be altered without failing to decrypt.
//
// The claims are only what the cookie says; lib/auth/current-user.ts still checks them against the
// users row on every request, so sign-out, bans and demotions count at once.

/** Auth.js's cookie names: `__Secure-` on https, plain on http (lib/auth/config.ts keeps the defaults). */
export const SESSION_COOKIE_NAMES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

type Remembered = { claims: SessionClaims; expiresAtMs: number };

const MAX_REMEMBERED = 10_000;
const remembered = new Map<string, Remembered>();

/**
 * The cookie's value, joining Auth.js's chunks (`name.0`, `name.1`, …) when it split a large
 * cookie; `get` looks a cookie up by name, `names` lists them all.
 */
export function sessionCookieValue(cookies: { name: string; value: string }[]): { name: string; value: string } | null {
  for (const name of SESSION_COOKIE_NAMES) {
    const whole = cookies.find((c) => c.name === name);
    if (whole?.value) return { name, value: whole.value };
    const chunks = cookies
      .map((c) => ({ index: chunkIndex(c.name, name), value: c.value }))
      .filter((c): c is { index: number; value: string } => c.index !== null)
      .sort((a, b) => a.index - b.index);
    if (chunks.length > 0) return { name, value: chunks.map((c) => c.value).join("") };
  }
  return null;
}

function chunkIndex(cookieName: string, name: string): number | null {
  if (!cookieName.startsWith(`${name}.`)) return null;
  const index = Number(cookieName.slice(name.length + 1));
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** What lib/auth/config.ts's jwt callback stamps at sign-in (`sub`, session version `sv`), and Auth.js's expiry. */
const TokenShape = z.object({ sub: z.string().min(1), sv: z.number().int(), exp: z.number() });

/** The claims of a session cookie sealed with `secret`, or null when it is missing, forged, stale or expired. */
export async function readSessionClaims(cookies: { name: string; value: string }[], secret: string, now = Date.now()): Promise<SessionClaims | null> {
  const cookie = sessionCookieValue(cookies);
  if (!cookie) return null;
  const key = `${cookie.name}\n${cookie.value}`;
  const known = remembered.get(key);
  if (known) {
    if (known.expiresAtMs > now) return known.claims;
    remembered.delete(key);
    return null;
  }
  let payload: JWTPayload;
  try {
    payload = await decryptSessionToken(cookie.value, secret, cookie.name);
  } catch {
    return null; // not ours, tampered with, or sealed with a secret we no longer have
  }
  const token = TokenShape.safeParse(payload);
  if (!token.success || token.data.exp * 1000 <= now) return null;
  const claims = { userId: token.data.sub, sessionVersion: token.data.sv };
  // Oldest first out: a Map iterates in insertion order.
  if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value!);
  remembered.set(key, { claims, expiresAtMs: token.data.exp * 1000 });
  return claims;
}

// Auth.js's own `decode` (next-auth/jwt), less its cost per call: it derives the cookie's key from
// the secret and the cookie's name (the salt) with HKDF, and the key's thumbprint, for every cookie
// it opens, though both depend only on the secret, the name and the content encryption. A vote
// from a reader the server has not seen yet opens a new cookie, and in a CPU profile of votes from
// new readers the derivation and the thumbprint were a fifth of the decryption's time (README,
// Performance). The same libraries Auth.js uses, with its options; lib/auth/session-cookie.test.ts
// opens cookies sealed by Auth.js's `encode`.
async function decryptSessionToken(token: string, secret: string, salt: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(
    token,
    async ({ kid, enc }) => {
      const key = await derivedKey(secret, salt, enc);
      // Auth.js names its key by thumbprint; a token naming another key was sealed with another secret.
      if (kid !== undefined && kid !== key.thumbprint) throw new Error("no matching decryption secret");
      return key.bytes;
    },
    { clockTolerance: 15, keyManagementAlgorithms: ["dir"], contentEncryptionAlgorithms: ["A256CBC-HS512", "A256GCM"] },
  );
  return payload;
}

type DerivedKey = { bytes: Uint8Array; thumbprint: string };

// At most two cookie names × two encryptions per secret: a handful of entries for the process's life.
const derivedKeys = new Map<string, Promise<DerivedKey>>();
// Key length in bytes, and the digest of its thumbprint (sha + bits), as Auth.js has them.
const ENCRYPTIONS = { "A256CBC-HS512": { length: 64, digest: "sha512" }, A256GCM: { length: 32, digest: "sha256" } } as const;
type Encryption = (typeof ENCRYPTIONS)[keyof typeof ENCRYPTIONS];

function derivedKey(secret: string, salt: string, enc: string | undefined): Promise<DerivedKey> {
  if (enc !== "A256CBC-HS512" && enc !== "A256GCM") return Promise.reject(new Error("Unsupported JWT Content Encryption Algorithm"));
  const id = `${enc}\n${salt}\n${secret}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = deriveKey(secret, salt, ENCRYPTIONS[enc]);
    derivedKeys.set(id, key);
    key.catch(() => derivedKeys.delete(id)); // a failed derivation is tried again next time
  }
  return key;
}

// As @auth/core/jwt's getDerivedEncryptionKey and decode's thumbprint.
async function deriveKey(secret: string, salt: string, { length, digest }: Encryption): Promise<DerivedKey> {
  const bytes = await hkdf("sha256", secret, salt, `Auth.js Generated Encryption Key (${salt})`, length);
  const thumbprint = await calculateJwkThumbprint({ kty: "oct", k: base64url.encode(bytes) }, digest);
  return { bytes, thumbprint };
}
