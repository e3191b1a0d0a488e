import "server-only";
import { and, gt, inArray, lt, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { rowsOf } from "../rows";
import { rateLimitBuckets } from "../schema";

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimitCheck = { key: string; limit: number; windowSeconds: number };

/**
 * Counts one hit against `key` and says whether it is allowed. A key's window starts at its first
 * hit and lasts `windowSeconds`; the first hit after that starts the next one. It is one
 * statement on one row, so parallel hits queue on the row lock and exactly `limit` get through,
 * on one server process or many — and a burst never splits across two windows by accident of
 * the clock.
 */
export async function consumeRateLimit({ now = new Date(), ...check }: RateLimitCheck & { now?: Date }): Promise<RateLimitOutcome> {
  return (await consumeRateLimits([check], now))[0];
}

/**
 * One hit against each of several keys (a user's and their address's), in one statement: one
 * round trip and one commit on the hot write paths. Every key is counted, refused or not.
 */
export async function consumeRateLimits(checks: RateLimitCheck[], now = new Date()): Promise<RateLimitOutcome[]> {
  if (checks.length === 0) return [];
  const hits = rateLimitHits(checks, now);
  const [row] = rowsOf<Record<string, boolean>>(await getDb().execute(sql`with ${hits.ctes} select ${sql.join(hits.allowedColumns, sql`, `)}`));
  return rateLimitOutcomes(checks, row, now);
}

/**
 * The hits as data-modifying CTEs, for a statement that counts them and does its own work in the
 * same round trip (a vote: db/queries/votes.ts). `allowedColumns` select `allowed0`, `allowed1`,
 * …; `allAllowed` is true when every key let the hit through. The CTEs run whether or not the
 * rest of the statement reads them, so every key is counted.
 */
export function rateLimitHits(checks: RateLimitCheck[], now: Date): { ctes: SQL; allowedColumns: SQL[]; allAllowed: SQL } {
  const at = sql`${now.toISOString()}::timestamptz`;
  // One upsert per key; a refused key's upsert returns no row.
  const upserts = checks.map(({ key, limit, windowSeconds }, i) => {
    const expired = sql`${rateLimitBuckets.windowStart} <= ${at} - make_interval(secs => ${windowSeconds})`;
    return sql`${sql.raw(`hit${i}`)} as (
      insert into ${rateLimitBuckets} (key, window_start, hits) values (${key}, ${at}, 1)
      on conflict (key) do update set
        window_start = case when ${expired} then ${at} else ${rateLimitBuckets.windowStart} end,
        hits = case when ${expired} then 1 else ${rateLimitBuckets.hits} + 1 end
      where ${expired} or ${rateLimitBuckets.hits} < ${limit}
      returning 1
    )`;
  });
  const passed = checks.map((_, i) => sql`exists (select 1 from ${sql.raw(`hit${i}`)})`);
  return {
    ctes: sql.join(upserts, sql`, `),
    allowedColumns: passed.map((allowed, i) => sql`${allowed} as ${sql.raw(`allowed${i}`)}`),
    allAllowed: passed.length > 0 ? sql.join(passed, sql` and `) : sql`true`,
  };
}

/** What a statement built with rateLimitHits said of each key, with Retry-After for a refused one. */
export async function rateLimitOutcomes(checks: RateLimitCheck[], row: Record<string, unknown>, now: Date): Promise<RateLimitOutcome[]> {
  return Promise.all(
    checks.map(async ({ key, windowSeconds }, i): Promise<RateLimitOutcome> => {
      if (row[`allowed${i}`]) return { allowed: true };
      // Refused: the window is full, and ends windowSeconds after it started.
      const [bucket] = await getDb()
        .select({ windowStart: rateLimitBuckets.windowStart })
        .from(rateLimitBuckets)
        .where(sql`${rateLimitBuckets.key} = ${key}`);
      const endsAt = (bucket?.windowStart.getTime() ?? now.getTime()) + windowSeconds * 1000;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((endsAt - now.getTime()) / 1000)) };
    }),
  );
}

/**
 * Takes back one hit from each key: for limits meant to count only failures, where a hit is
 * counted before the outcome is known (so parallel attempts cannot slip past the limit) and
 * refunded when the attempt turns out fine.
 */
export async function refundRateLimits(keys: string[]): Promise<void> {
  if (keys.length === 0) return;
  await getDb()
    .update(rateLimitBuckets)
    .set({ hits: sql`${rateLimitBuckets.hits} - 1` })
    .where(and(inArray(rateLimitBuckets.key, keys), gt(rateLimitBuckets.hits, 0)));
}

/** Drops buckets whose window ended long ago; cheap enough to call now and then. */
export async function pruneRateLimits({ olderThan }: { olderThan: Date }): Promise<void> {
  await getDb().delete(rateLimitBuckets).where(lt(rateLimitBuckets.windowStart, olderThan));
}
