import "server-only";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { ipLimit, SIGN_IN_PER_ACCOUNT } from "../rate-limit-rules";

/**
 * Counts a password attempt against the address and against the account's email (guessing one
 * account's password from many addresses). Unknown emails count the same, so the answer does not
 * reveal whether an account exists.
 */
export async function allowSignInAttempt({ email, ip }: { email: string; ip: string | null }): Promise<boolean> {
  const checks = [{ key: `sign-in:account:${email.toLowerCase()}`, ...SIGN_IN_PER_ACCOUNT }];
  if (ip) checks.push({ key: `sign-in:ip:${ip}`, ...ipLimit("sign-in") });
  for (const check of checks) {
    if (!(await consumeRateLimit(check)).allowed) return false;
  }
  return true;
}
