import { decode } from "next-auth/jwt";
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
  let payload: Record<string, unknown> | null;
  try {
    // Auth.js seals the cookie with a key derived from the secret and the cookie's name (the salt).
    payload = await decode({ token: cookie.value, secret, salt: cookie.name });
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
