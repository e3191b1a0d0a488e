import "server-only";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { AppError } from "./errors";
import { ipLimit, userLimit, type LimitedAction } from "./rate-limit-rules";

/**
 * Counts one attempt at `action` for the user and for the address, and throws `rate_limited`
 * (HTTP 429 with Retry-After) when either is over its limit. Call it before changing anything.
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
  for (const check of checks) {
    const outcome = await consumeRateLimit({ ...check, now });
    if (!outcome.allowed) {
      throw new AppError("rate_limited", {
        message: `You are doing that too often. Try again in ${outcome.retryAfterSeconds} seconds.`,
        retryAfterSeconds: outcome.retryAfterSeconds,
      });
    }
  }
}
