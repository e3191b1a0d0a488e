import "server-only";
import { and, asc, gte, isNull, lte } from "drizzle-orm";
import type { Day } from "@/lib/dates";
import { getDb } from "../client";
import { dailyEntries } from "../schema";

/**
 * Each paper's first visible listing (earliest day, then earliest submission), optionally within
 * a range of days, as a subquery named `alias`. Search uses it for cards and the date filter;
 * trending counts a paper's age from it.
 */
export function firstVisibleListing<A extends string>({ from = null, to = null, alias }: { from?: Day | null; to?: Day | null; alias: A }) {
  return getDb()
    .selectDistinctOn([dailyEntries.paperId], {
      paperId: dailyEntries.paperId,
      day: dailyEntries.day,
      submittedAt: dailyEntries.submittedAt,
      submittedById: dailyEntries.submittedById,
    })
    .from(dailyEntries)
    .where(and(isNull(dailyEntries.hiddenAt), from ? gte(dailyEntries.day, from) : undefined, to ? lte(dailyEntries.day, to) : undefined))
    .orderBy(dailyEntries.paperId, asc(dailyEntries.day), asc(dailyEntries.submittedAt))
    .as(alias);
}
