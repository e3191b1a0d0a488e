import "server-only";
import { consumeRateLimits, type RateLimitCheck, type RateLimitOutcome } from "@/db/queries/rate-limits";
import { AppError } from "./errors";
import { ipLimit, userLimit, type LimitedAction } from "./rate-limit-rules";

type Attempt = {
  action: Exclude<LimitedAction, "sign-in">;
  user: { id: string; createdAt: Date };
  ip: string | null;
  now?: Date;
};

/**
 * Counts one attempt at `action` for the user and for the address, and throws `rate_limited`
 * (HTTP 429 with Retry-After) when either is over its limit (both are counted, in one statement).
 * Call it before changing anything.
 */
export async function enforceRateLimit(attempt: Attempt): Promise<void> {
  refuseIfLimited(await consumeRateLimits(rateLimitChecks(attempt), attempt.now ?? new Date()));
}

/** The keys an attempt counts against, for a statement that counts them itself (db/queries/votes.ts). */
export function rateLimitChecks({ action, user, ip, now = new Date() }: Attempt): RateLimitCheck[] {
  const checks = [{ key: `${action}:user:${user.id}`, ...userLimit(action, user.createdAt, now) }];
  if (ip) checks.push({ key: `${action}:ip:${ip}`, ...ipLimit(action) });
  return checks;
}

/** Throws `rate_limited`, with the longest wait any refused key asks for, when a key refused. */
export function refuseIfLimited(outcomes: RateLimitOutcome[]): void {
  const waits = outcomes.flatMap((outcome) => (outcome.allowed ? [] : [outcome.retryAfterSeconds]));
  if (waits.length === 0) return;
  const retryAfterSeconds = Math.max(...waits);
  throw new AppError("rate_limited", {
    message: `You are doing that too often. Try again in ${retryAfterSeconds} seconds.`,
    retryAfterSeconds,
  });
}
