import { encode } from "next-auth/jwt";

// Real sessions without the sign-in form: the same JWT cookie Auth.js would set at sign-in
// (lib/auth/config.ts puts `sub` and the users row's session version `sv` in it), sealed with
// the server's AUTH_SECRET. lib/auth/current-user.ts still reads the users row on every request.

/** Auth.js's cookie name over plain http (https prefixes it with __Secure-). */
export const SESSION_COOKIE = "authjs.session-token";

export async function sessionCookie({ userId, sessionVersion = 0, secret }: { userId: string; sessionVersion?: number; secret: string }): Promise<string> {
  const token = await encode({ token: { sub: userId, sv: sessionVersion }, secret, salt: SESSION_COOKIE, maxAge: 24 * 60 * 60 });
  return `${SESSION_COOKIE}=${token}`;
}
