import "server-only";
import { and, asc, desc, eq, gt, inArray, isNull, lt, lte, gte, max, min, sql } from "drizzle-orm";
import { cardColumns } from "./card-columns";
import { getReadDb } from "../client";
import { dailyEntries, paperAuthors, papers, users } from "../schema";
import type { Day } from "@/lib/dates";

export type ListedPaper = {
  id: string;
  title: string;
  abstract: string;
  upvoteCount: number;
  commentCount: number;
  authors: string[]; // the first few, in order
  authorCount: number;
  submittedAt: Date;
  pinnedPosition: number | null;
  submitter: { username: string | null; name: string | null } | null;
};

const AUTHORS_ON_CARD = 3;

/**
 * The visible papers listed between two days (inclusive), ranked as lib/ranking.ts describes.
 * A paper listed on several days of the range appears once, as first submitted.
 * Pins only order a single day: a week or month is ranked by votes alone.
 */
export async function getRankedList({ start, end, limit = 100, offset = 0 }: { start: Day; end: Day; limit?: number; offset?: number }): Promise<ListedPaper[]> {
  const db = getReadDb();
  const honourPins = start === end;
  const entry = db
    .selectDistinctOn([dailyEntries.paperId], {
      paperId: dailyEntries.paperId,
      submittedAt: dailyEntries.submittedAt,
      submittedById: dailyEntries.submittedById,
      pinnedPosition: dailyEntries.pinnedPosition,
    })
    .from(dailyEntries)
    .where(and(gte(dailyEntries.day, start), lte(dailyEntries.day, end), isNull(dailyEntries.hiddenAt)))
    .orderBy(dailyEntries.paperId, asc(dailyEntries.submittedAt))
    .as("entry");

  const pinned = honourPins ? entry.pinnedPosition : sql<number | null>`null::int`;
  const rows = await db
    .select({
      ...cardColumns,
      submittedAt: entry.submittedAt,
      pinnedPosition: entry.pinnedPosition,
      submitterUsername: users.username,
      submitterName: users.name,
    })
    .from(entry)
    .innerJoin(papers, eq(papers.id, entry.paperId))
    .leftJoin(users, eq(users.id, entry.submittedById))
    .orderBy(sql`${pinned} asc nulls last`, desc(papers.upvoteCount), asc(entry.submittedAt), asc(papers.id))
    .limit(limit)
    .offset(offset);

  const authors = await getAuthorPreviews(rows.map((r) => r.id));
  return rows.map(({ submitterUsername, submitterName, pinnedPosition, ...row }) => ({
    ...row,
    pinnedPosition: honourPins ? pinnedPosition : null,
    authors: authors.get(row.id)?.names ?? [],
    authorCount: authors.get(row.id)?.count ?? 0,
    submitter: submitterUsername || submitterName ? { username: submitterUsername, name: submitterName } : null,
  }));
}

/** How many papers getRankedList ranks between two days (inclusive): each paper once. */
export async function countListedPapers({ start, end }: { start: Day; end: Day }): Promise<number> {
  const [row] = await getReadDb()
    .select({ count: sql<number>`count(distinct ${dailyEntries.paperId})`.mapWith(Number) })
    .from(dailyEntries)
    .where(and(gte(dailyEntries.day, start), lte(dailyEntries.day, end), isNull(dailyEntries.hiddenAt)));
  return row?.count ?? 0;
}

/** First few author names and the total count for each paper, in one query. */
export async function getAuthorPreviews(paperIds: string[]) {
  const previews = new Map<string, { names: string[]; count: number }>();
  if (paperIds.length === 0) return previews;
  const rows = await getReadDb()
    .select({
      paperId: paperAuthors.paperId,
      position: paperAuthors.position,
      name: paperAuthors.name,
      count: sql<number>`count(*) over (partition by ${paperAuthors.paperId})`.mapWith(Number),
    })
    .from(paperAuthors)
    .where(inArray(paperAuthors.paperId, paperIds))
    .orderBy(paperAuthors.paperId, paperAuthors.position);
  for (const row of rows) {
    const preview = previews.get(row.paperId) ?? { names: [], count: row.count };
    if (preview.names.length < AUTHORS_ON_CARD) preview.names.push(row.name);
    previews.set(row.paperId, preview);
  }
  return previews;
}

/** The nearest days before and after `day` that have visible papers (empty days are skipped). */
export async function getNeighbourDays({ start, end }: { start: Day; end: Day }): Promise<{ previous: Day | null; next: Day | null }> {
  const db = getReadDb();
  const [[before], [after]] = await Promise.all([
    db
      .select({ day: max(dailyEntries.day) })
      .from(dailyEntries)
      .where(and(lt(dailyEntries.day, start), isNull(dailyEntries.hiddenAt))),
    db
      .select({ day: min(dailyEntries.day) })
      .from(dailyEntries)
      .where(and(gt(dailyEntries.day, end), isNull(dailyEntries.hiddenAt))),
  ]);
  return { previous: before?.day ?? null, next: after?.day ?? null };
}

/** The most recent day on or before `day` with visible papers, or null when the list is empty. */
export async function getLatestListedDay({ onOrBefore }: { onOrBefore: Day }): Promise<Day | null> {
  const [row] = await getReadDb()
    .select({ day: max(dailyEntries.day) })
    .from(dailyEntries)
    .where(and(lte(dailyEntries.day, onOrBefore), isNull(dailyEntries.hiddenAt)));
  return row?.day ?? null;
}
