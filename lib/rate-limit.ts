import "server-only";
import { consumeRateLimits } from "@/db/queries/rate-limits";
import { AppError } from "./errors";
import { ipLimit, userLimit, type LimitedAction } from "./rate-limit-rules";

/**
 * Counts one attempt at `action` for the user and for the address, and throws `rate_limited`
 * (HTTP 429 with Retry-After) when either is over its limit (both are counted, in one statement).
 * Call it before changing anything.
 */
export async function enforceRateLimit({
  action,
  user,
  ip,
  now = new Date(),
}: {
  action: Exclude<LimitedAction, "sign-in">;
  user: { id: string; createdAt: Date };
  ip: string | null;
  now?: Date;
}): Promise<void> {
  const checks = [{ key: `${action}:user:${user.id}`, ...userLimit(action, user.createdAt, now) }];
  if (ip) checks.push({ key: `${action}:ip:${ip}`, ...ipLimit(action) });
  const outcomes = await consumeRateLimits(checks, now);
  const refused = outcomes.find((outcome) => !outcome.allowed);
  if (refused && !refused.allowed) {
    throw new AppError("rate_limited", {
      message: `You are doing that too often. Try again in ${refused.retryAfterSeconds} seconds.`,
      retryAfterSeconds: refused.retryAfterSeconds,
    });
  }
}
