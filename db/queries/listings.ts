import "server-only";
import { and, asc, gte, inArray, isNull, lte } from "drizzle-orm";
import { alias as aliasTable } from "drizzle-orm/pg-core";
import type { Day } from "@/lib/dates";
import { getDb } from "../client";
import { dailyEntries } from "../schema";

/**
 * Each paper's first visible listing (earliest day, then earliest submission), optionally within
 * a range of days, as a subquery named `alias`. Search uses it for cards and the date filter;
 * trending counts a paper's age from it.
 *
 * `ofPapersListed` keeps only papers with a visible listing in that range, their first listing
 * wherever it falls: trending reads one week, and the first listing of every paper ever listed
 * cost it a sort of the whole table (50 ms at 27k listings, growing with the archive).
 */
export function firstVisibleListing<A extends string>({
  from = null,
  to = null,
  ofPapersListed = null,
  alias,
}: {
  from?: Day | null;
  to?: Day | null;
  ofPapersListed?: { from: Day; to: Day } | null;
  alias: A;
}) {
  const listedInRange = ofPapersListed ? inArray(dailyEntries.paperId, papersListedBetween(ofPapersListed)) : undefined;
  return getDb()
    .selectDistinctOn([dailyEntries.paperId], {
      paperId: dailyEntries.paperId,
      day: dailyEntries.day,
      submittedAt: dailyEntries.submittedAt,
      submittedById: dailyEntries.submittedById,
    })
    .from(dailyEntries)
    .where(and(isNull(dailyEntries.hiddenAt), from ? gte(dailyEntries.day, from) : undefined, to ? lte(dailyEntries.day, to) : undefined, listedInRange))
    .orderBy(dailyEntries.paperId, asc(dailyEntries.day), asc(dailyEntries.submittedAt))
    .as(alias);
}

/** The papers with a visible listing between `from` and `to`, as a subquery. */
function papersListedBetween({ from, to }: { from: Day; to: Day }) {
  const listed = aliasTable(dailyEntries, "listed_in_range");
  return getDb()
    .select({ paperId: listed.paperId })
    .from(listed)
    .where(and(isNull(listed.hiddenAt), gte(listed.day, from), lte(listed.day, to)));
}
