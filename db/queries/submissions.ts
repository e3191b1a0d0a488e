import "server-only";
import { and, asc, count, desc, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import { getDb } from "../client";
import { dailyEntries } from "../schema";

/** The first day a paper is visibly on the list, or null. */
export async function findListing({ paperId }: { paperId: string }): Promise<string | null> {
  const [row] = await getDb()
    .select({ day: dailyEntries.day })
    .from(dailyEntries)
    .where(and(eq(dailyEntries.paperId, paperId), isNull(dailyEntries.hiddenAt)))
    .orderBy(asc(dailyEntries.day))
    .limit(1);
  return row?.day ?? null;
}

/**
 * The latest day a moderator took the paper off the list, when it is on the list on no day at all
 * (call after findListing), or null.
 */
export async function findRemovedListing({ paperId }: { paperId: string }): Promise<string | null> {
  const [row] = await getDb()
    .select({ day: dailyEntries.day })
    .from(dailyEntries)
    .where(and(eq(dailyEntries.paperId, paperId), isNotNull(dailyEntries.hiddenAt)))
    .orderBy(desc(dailyEntries.day))
    .limit(1);
  return row?.day ?? null;
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
