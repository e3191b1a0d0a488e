import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimitCounters } from "../schema";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` and says whether it is allowed, over a sliding window: the hits of
 * the previous fixed window count in proportion to how much of it still overlaps the last
 * `windowSeconds` (rounded up), so a burst cannot get twice the limit by straddling a boundary.
 * The current window's conditional upsert is a single statement, so N parallel hits let exactly
 * the allowance through, on one server process or many.
 */
export async function consumeRateLimit({
  key,
  limit,
  windowSeconds,
  now = new Date(),
}: {
  key: string;
  limit: number;
  windowSeconds: number;
  now?: Date;
}): Promise<RateLimitOutcome> {
  const db = getDb();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));

  const [previous] = await db
    .select({ hits: rateLimitCounters.hits })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, key), eq(rateLimitCounters.windowStart, new Date(windowStart.getTime() - windowMs))));
  const overlap = 1 - (now.getTime() - windowStart.getTime()) / windowMs;
  const allowance = limit - Math.ceil((previous?.hits ?? 0) * overlap);
  if (allowance <= 0) return { allowed: false, retryAfterSeconds };

  const counted = await db
    .insert(rateLimitCounters)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
      setWhere: sql`${rateLimitCounters.hits} < ${allowance}`,
    })
    .returning({ hits: rateLimitCounters.hits });
  return counted.length > 0 ? { allowed: true } : { allowed: false, retryAfterSeconds };
}

/** Drops windows that ended long ago; cheap enough to call now and then from a write path. */
export async function pruneRateLimits({ olderThan }: { olderThan: Date }): Promise<void> {
  await getDb().delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
