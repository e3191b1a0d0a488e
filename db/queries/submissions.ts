import "server-only";
import { and, count, eq, gte, sql } from "drizzle-orm";
import { getDb } from "../client";
import { dailyEntries } from "../schema";

/**
 * Where a paper stands on the list, in one read: the first day it is visibly on it, and the latest
 * day a moderator took it off (what matters only when it is on no day at all).
 */
export async function findListingState({ paperId }: { paperId: string }): Promise<{ listedOn: string | null; removedOn: string | null }> {
  const [row] = await getDb()
    .select({
      listedOn: sql<string | null>`min(${dailyEntries.day}::text) filter (where ${dailyEntries.hiddenAt} is null)`,
      removedOn: sql<string | null>`max(${dailyEntries.day}::text) filter (where ${dailyEntries.hiddenAt} is not null)`,
    })
    .from(dailyEntries)
    .where(eq(dailyEntries.paperId, paperId));
  return { listedOn: row?.listedOn ?? null, removedOn: row?.removedOn ?? null };
}

export type ListingOutcome = { listed: true } | { listed: false; reason: "cap" | "duplicate" };

/**
 * Puts a paper on a day's list for a reader, within their daily cap. A per-user advisory lock
 * makes "count today's submissions, then insert" one step, so parallel submissions cannot
 * slip past the cap; the (paper, day) key stops duplicates.
 */
export async function listSubmission({
  paperId,
  day,
  userId,
  cap,
  since,
}: {
  paperId: string;
  day: string;
  userId: string;
  /** null: no cap (admins). */
  cap: number | null;
  /** Start of the cap's window. */
  since: Date;
}): Promise<ListingOutcome> {
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`submit:${userId}`}))`);
    if (cap !== null) {
      const [{ n }] = await tx
        .select({ n: count() })
        .from(dailyEntries)
        .where(and(eq(dailyEntries.submittedById, userId), gte(dailyEntries.submittedAt, since)));
      if (n >= cap) return { listed: false, reason: "cap" };
    }
    const inserted = await tx
      .insert(dailyEntries)
      .values({ paperId, day, submittedById: userId })
      .onConflictDoNothing()
      .returning({ id: dailyEntries.id });
    return inserted.length > 0 ? { listed: true } : { listed: false, reason: "duplicate" };
  });
}

/** How many papers a reader has put on the list since `since` (the daily cap's count, read ahead). */
export async function countSubmissionsSince({ userId, since }: { userId: string; since: Date }): Promise<number> {
  const [{ n }] = await getDb()
    .select({ n: count() })
    .from(dailyEntries)
    .where(and(eq(dailyEntries.submittedById, userId), gte(dailyEntries.submittedAt, since)));
  return n;
}
