import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { ArxivEntry } from "@/lib/arxiv/parse-atom";
import type { Day } from "@/lib/dates";
import { getDb } from "../client";
import { dailyEntries, paperAuthors, papers, type DailyEntry, type NewPaper } from "../schema";

// The catalogue as arXiv describes it. Papers are keyed by their version-less ID, so a new version
// updates the row it belongs to; an older or equal one never overwrites what is already stored.

export type UpsertResult = {
  /** Papers that were not in the catalogue before. */
  inserted: string[];
  /** Papers whose stored data was replaced by a newer version. */
  updated: string[];
  /** Papers already stored at this version or a newer one: left as they were. */
  unchanged: string[];
};

// Postgres allows 65,535 bind parameters per statement and an author row takes four; a
// collaboration paper can list thousands of authors.
const AUTHOR_ROWS_PER_INSERT = 5_000;

/**
 * Inserts or updates papers and replaces the authors of each one written, all in one transaction:
 * call it once per batch (say, a page of results). Idempotent.
 */
export async function upsertPapers({ entries }: { entries: readonly ArxivEntry[] }): Promise<UpsertResult> {
  const latest = newestPerPaper(entries);
  if (latest.length === 0) return { inserted: [], updated: [], unchanged: [] };
  const ids = latest.map((entry) => entry.id);

  return getDb().transaction(async (tx) => {
    const before = await tx.select({ id: papers.id }).from(papers).where(inArray(papers.id, ids));
    const existed = new Set(before.map((row) => row.id));

    const written = await tx
      .insert(papers)
      .values(latest.map(paperRow))
      .onConflictDoUpdate({
        target: papers.id,
        set: {
          latestVersion: sql`excluded.latest_version`,
          title: sql`excluded.title`,
          abstract: sql`excluded.abstract`,
          publishedAt: sql`excluded.published_at`,
          updatedAt: sql`excluded.updated_at`,
          categories: sql`excluded.categories`,
          primaryCategory: sql`excluded.primary_category`,
        },
        // A newer version wins. At the same version, only a row arXiv never described (updated_at
        // null, e.g. from the demo seed or typed in by hand) takes arXiv's data.
        setWhere: sql`excluded.latest_version > ${papers.latestVersion}
          or (excluded.latest_version = ${papers.latestVersion} and ${papers.updatedAt} is null)`,
      })
      .returning({ id: papers.id });
    const writtenIds = new Set(written.map((row) => row.id));

    if (writtenIds.size > 0) {
      await tx.delete(paperAuthors).where(inArray(paperAuthors.paperId, [...writtenIds]));
      const authorRows = latest.filter((entry) => writtenIds.has(entry.id)).flatMap(authorRowsOf);
      for (let start = 0; start < authorRows.length; start += AUTHOR_ROWS_PER_INSERT) {
        await tx.insert(paperAuthors).values(authorRows.slice(start, start + AUTHOR_ROWS_PER_INSERT));
      }
    }

    return {
      inserted: ids.filter((id) => writtenIds.has(id) && !existed.has(id)),
      updated: ids.filter((id) => writtenIds.has(id) && existed.has(id)),
      unchanged: ids.filter((id) => !writtenIds.has(id)),
    };
  });
}

/** One entry per paper, the highest version: a statement may not touch the same row twice. */
function newestPerPaper(entries: readonly ArxivEntry[]): ArxivEntry[] {
  const newest = new Map<string, ArxivEntry>();
  for (const entry of entries) {
    const seen = newest.get(entry.id);
    if (!seen || entry.version > seen.version) newest.set(entry.id, entry);
  }
  return [...newest.values()];
}

function paperRow(entry: ArxivEntry): NewPaper {
  return {
    id: entry.id,
    latestVersion: entry.version,
    title: entry.title,
    abstract: entry.abstract,
    publishedAt: entry.publishedAt,
    updatedAt: entry.updatedAt,
    categories: entry.categories,
    primaryCategory: entry.primaryCategory,
  };
}

function authorRowsOf(entry: ArxivEntry) {
  return entry.authors.map((author, position) => ({
    paperId: entry.id,
    position,
    name: author.name,
    // One column holds what arXiv lists as several affiliations.
    affiliation: author.affiliations.length > 0 ? author.affiliations.join("; ") : null,
  }));
}

/**
 * Puts a catalogued paper on a day's list; `submittedById` null means the arXiv ingest listed it.
 * Idempotent: a paper already on that day keeps its entry (hidden or not), returned with
 * `created: false`.
 */
export async function listPaperOnDay({
  paperId,
  day,
  submittedById,
}: {
  paperId: string;
  day: Day;
  submittedById: string | null;
}): Promise<{ entry: DailyEntry; created: boolean }> {
  const db = getDb();
  const [created] = await db
    .insert(dailyEntries)
    .values({ paperId, day, submittedById })
    .onConflictDoNothing({ target: [dailyEntries.paperId, dailyEntries.day] })
    .returning();
  if (created) return { entry: created, created: true };
  const [existing] = await db
    .select()
    .from(dailyEntries)
    .where(and(eq(dailyEntries.paperId, paperId), eq(dailyEntries.day, day)));
  return { entry: existing, created: false };
}
