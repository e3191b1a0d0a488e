import "server-only";
import { lt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { rateLimitBuckets } from "../schema";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Counts one hit against `key` and says whether it is allowed. A key's window starts at its first
 * hit and lasts `windowSeconds`; the first hit after that starts the next one. It is one
 * statement on one row, so parallel hits queue on the row lock and exactly `limit` get through,
 * on one server process or many — and a burst never splits across two windows by accident of
 * the clock.
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
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = sql`${rateLimitBuckets.windowStart} <= ${at} - make_interval(secs => ${windowSeconds})`;
  const counted = await getDb()
    .insert(rateLimitBuckets)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimitBuckets.key,
      set: {
        windowStart: sql`case when ${expired} then ${at} else ${rateLimitBuckets.windowStart} end`,
        hits: sql`case when ${expired} then 1 else ${rateLimitBuckets.hits} + 1 end`,
      },
      setWhere: sql`${expired} or ${rateLimitBuckets.hits} < ${limit}`,
    })
    .returning({ hits: rateLimitBuckets.hits });
  if (counted.length > 0) return { allowed: true };

  // Refused: the window is full, and ends windowSeconds after it started.
  const [bucket] = await getDb()
    .select({ windowStart: rateLimitBuckets.windowStart })
    .from(rateLimitBuckets)
    .where(sql`${rateLimitBuckets.key} = ${key}`);
  const endsAt = (bucket?.windowStart.getTime() ?? now.getTime()) + windowSeconds * 1000;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
}

/** Drops buckets whose window ended long ago; cheap enough to call now and then. */
export async function pruneRateLimits({ olderThan }: { olderThan: Date }): Promise<void> {
  await getDb().delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, olderThan));
}
