import "server-only";
import { consumeRateLimit, refundRateLimits } from "@/db/queries/rate-limits";
import { ipLimit, SIGN_IN_PER_ACCOUNT } from "../rate-limit-rules";

function signInKeys({ email, ip }: { email: string; ip: string | null }) {
  return { account: `sign-in:account:${email.toLowerCase()}`, ip: ip ? `sign-in:ip:${ip}` : null };
}

/**
 * Counts a password attempt against the address and against the account's email (guessing one
 * account's password from many addresses). Unknown emails count the same, so the answer does not
 * reveal whether an account exists. Counted before the password is checked, so parallel guesses
 * cannot get past the limit; a right password takes its hit back (forgiveSignInAttempt).
 */
export async function allowSignInAttempt(attempt: { email: string; ip: string | null }): Promise<boolean> {
  const keys = signInKeys(attempt);
  const checks = [{ key: keys.account, ...SIGN_IN_PER_ACCOUNT }];
  if (keys.ip) checks.push({ key: keys.ip, ...ipLimit("sign-in") });
  for (const check of checks) {
    if (!(await consumeRateLimit(check)).allowed) return false;
  }
  return true;
}

/**
 * Only wrong passwords count toward the limits: a reader who signs in on many devices, or an
 * office behind one address, is never locked out by signing in successfully.
 */
export async function forgiveSignInAttempt(attempt: { email: string; ip: string | null }): Promise<void> {
  const keys = signInKeys(attempt);
  await refundRateLimits(keys.ip ? [keys.account, keys.ip] : [keys.account]);
}

function currentPasswordKey(userId: string) {
  return `current-password:user:${userId}`;
}

/**
 * Counts a guess at the current password in the account settings, as many per account as at
 * sign-in but in a count of its own: someone else's wrong guesses at the sign-in form must not
 * stop the signed-in owner from changing their password. Refunded when the guess is right.
 */
export async function allowCurrentPasswordCheck(userId: string): Promise<boolean> {
  return (await consumeRateLimit({ key: currentPasswordKey(userId), ...SIGN_IN_PER_ACCOUNT })).allowed;
}

export async function forgiveCurrentPasswordCheck(userId: string): Promise<void> {
  await refundRateLimits([currentPasswordKey(userId)]);
}
