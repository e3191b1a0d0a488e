import "server-only";
import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import type { DayRange } from "@/lib/dates";
import type { ListedPaperRow, PaperRow } from "@/lib/api/shape";
import { getReadDb } from "../client";
import { dailyEntries, paperAuthors, papers, users } from "../schema";

// The public API's reads (app/api/). lib/api/shape.ts turns these rows into its JSON.

const paperColumns = {
  id: papers.id,
  title: papers.title,
  abstract: papers.abstract,
  publishedAt: papers.publishedAt,
  githubRepo: papers.githubRepo,
  projectPage: papers.projectPage,
  upvoteCount: papers.upvoteCount,
  commentCount: papers.commentCount,
};

const userColumns = { id: users.id, username: users.username, name: users.name, image: users.image };

/**
 * One page of the papers listed in a window (inclusive days), each once, as first listed there.
 * "trending" is the daily list's own ranking (lib/ranking.ts; pins only order a single day);
 * "publishedAt" puts the most recently listed first. Both end on the paper ID, so the order is
 * total and pages neither repeat nor skip a paper.
 */
export async function getDailyPapers({
  window,
  submitter = null,
  sort,
  limit,
  offset,
}: {
  window: DayRange;
  submitter?: string | null;
  sort: "publishedAt" | "trending";
  limit: number;
  offset: number;
}): Promise<ListedPaperRow[]> {
  const db = getReadDb();
  const entry = db
    .selectDistinctOn([dailyEntries.paperId], {
      paperId: dailyEntries.paperId,
      submittedAt: dailyEntries.submittedAt,
      submittedById: dailyEntries.submittedById,
      pinnedPosition: dailyEntries.pinnedPosition,
    })
    .from(dailyEntries)
    .leftJoin(users, eq(users.id, dailyEntries.submittedById))
    .where(
      and(
        gte(dailyEntries.day, window.start),
        lte(dailyEntries.day, window.end),
        isNull(dailyEntries.hiddenAt),
        submitter === null ? undefined : eq(users.username, submitter),
      ),
    )
    .orderBy(dailyEntries.paperId, asc(dailyEntries.submittedAt), asc(dailyEntries.id))
    .as("entry");

  const pinned = window.start === window.end ? entry.pinnedPosition : sql<number | null>`null::int`;
  const order: SQL[] =
    sort === "trending"
      ? [sql`${pinned} asc nulls last`, desc(papers.upvoteCount), asc(entry.submittedAt), asc(papers.id)]
      : [desc(entry.submittedAt), asc(papers.id)];

  const rows = await db
    .select({ ...paperColumns, submittedAt: entry.submittedAt, submitter: userColumns })
    .from(entry)
    .innerJoin(papers, eq(papers.id, entry.paperId))
    .leftJoin(users, eq(users.id, entry.submittedById))
    .orderBy(...order)
    .limit(limit)
    .offset(offset);

  const authors = await getAuthorNames(rows.map((r) => r.id));
  return rows.map(({ submittedAt, submitter: user, ...paper }) => ({
    ...paper,
    authors: authors.get(paper.id) ?? [],
    listing: { submittedAt, submitter: user },
  }));
}

/** Any paper in the catalogue, listed or not; null when the ID is unknown. */
export async function getApiPaper({ id }: { id: string }): Promise<PaperRow | null> {
  const [paper] = await getApiPapers({ ids: [id] });
  return paper ?? null;
}

/** Papers in the order of `ids`; unknown IDs are left out. */
export async function getApiPapers({ ids }: { ids: string[] }): Promise<PaperRow[]> {
  if (ids.length === 0) return [];
  const rows = await getReadDb().select(paperColumns).from(papers).where(inArray(papers.id, ids));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return withDetails(ids.flatMap((id) => byId.get(id) ?? []));
}

/** Just the title, for thumbnails and the comments feed; null when the ID is unknown. */
export async function getPaperTitle({ id }: { id: string }): Promise<{ id: string; title: string } | null> {
  const [row] = await getReadDb().select({ id: papers.id, title: papers.title }).from(papers).where(eq(papers.id, id)).limit(1);
  return row ?? null;
}


/** Adds full author lists and each paper's first visible listing, in two queries for the lot. */
async function withDetails(rows: Omit<PaperRow, "authors" | "listing">[]): Promise<PaperRow[]> {
  const ids = rows.map((r) => r.id);
  const [authors, listings] = await Promise.all([getAuthorNames(ids), getFirstListings(ids)]);
  return rows.map((row) => ({ ...row, authors: authors.get(row.id) ?? [], listing: listings.get(row.id) ?? null }));
}

async function getAuthorNames(paperIds: string[]): Promise<Map<string, string[]>> {
  const names = new Map<string, string[]>();
  if (paperIds.length === 0) return names;
  const rows = await getReadDb()
    .select({ paperId: paperAuthors.paperId, name: paperAuthors.name })
    .from(paperAuthors)
    .where(inArray(paperAuthors.paperId, paperIds))
    .orderBy(paperAuthors.paperId, asc(paperAuthors.position));
  for (const row of rows) names.set(row.paperId, [...(names.get(row.paperId) ?? []), row.name]);
  return names;
}

async function getFirstListings(paperIds: string[]): Promise<Map<string, NonNullable<PaperRow["listing"]>>> {
  const listings = new Map<string, NonNullable<PaperRow["listing"]>>();
  if (paperIds.length === 0) return listings;
  const rows = await getReadDb()
    .selectDistinctOn([dailyEntries.paperId], { paperId: dailyEntries.paperId, submittedAt: dailyEntries.submittedAt, submitter: userColumns })
    .from(dailyEntries)
    .leftJoin(users, eq(users.id, dailyEntries.submittedById))
    .where(and(inArray(dailyEntries.paperId, paperIds), isNull(dailyEntries.hiddenAt)))
    .orderBy(dailyEntries.paperId, asc(dailyEntries.submittedAt), asc(dailyEntries.id));
  for (const row of rows) listings.set(row.paperId, { submittedAt: row.submittedAt, submitter: row.submitter });
  return listings;
}
