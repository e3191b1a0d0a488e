import "server-only";
import { lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimitCounters } from "../schema";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in the current fixed window and says whether it is allowed.
 * The conditional upsert is a single statement, so N parallel hits let exactly `limit` through,
 * on one server process or many.
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
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const counted = await getDb()
    .insert(rateLimitCounters)
    .values({ key, windowStart, hits: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { hits: sql`${rateLimitCounters.hits} + 1` },
      setWhere: sql`${rateLimitCounters.hits} < ${limit}`,
    })
    .returning({ hits: rateLimitCounters.hits });
  if (counted.length > 0) return { allowed: true };
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000)) };
}

/** Drops windows that ended long ago; cheap enough to call now and then from a write path. */
export async function pruneRateLimits({ olderThan }: { olderThan: Date }): Promise<void> {
  await getDb().delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, olderThan));
}
