import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import { getDb, getReadDb } from "../client";
import { dailyEntries, paperAuthors, papers, users } from "../schema";
import type { Paper } from "../schema";

export type PaperDetail = Paper & {
  authors: { name: string; affiliation: string | null }[];
  listings: { day: string; submitter: { username: string | null; name: string | null } | null }[];
  /** Days a moderator took it off the list (the moderation log says why). */
  removedFrom: string[];
};

/** Just the papers row, or null. */
export async function getPaperRow({ id }: { id: string }): Promise<Paper | null> {
  const [paper] = await getDb().select().from(papers).where(eq(papers.id, id)).limit(1);
  return paper ?? null;
}

/**
 * A paper with its full author list, the days it was (visibly) on the daily list, and the days a
 * moderator took it off. The public
 * paper page reads it from a replica; admins, who must see their own edits, pass `primary`.
 */
export async function getPaper({ id, primary = false }: { id: string; primary?: boolean }): Promise<PaperDetail | null> {
  const db = primary ? getDb() : getReadDb();
  const [paper] = await db.select().from(papers).where(eq(papers.id, id)).limit(1);
  if (!paper) return null;
  const [authors, listings] = await Promise.all([
    db
      .select({ name: paperAuthors.name, affiliation: paperAuthors.affiliation })
      .from(paperAuthors)
      .where(eq(paperAuthors.paperId, id))
      .orderBy(asc(paperAuthors.position)),
    db
      .select({ day: dailyEntries.day, hidden: sql<boolean>`${dailyEntries.hiddenAt} is not null`, username: users.username, name: users.name })
      .from(dailyEntries)
      .leftJoin(users, eq(users.id, dailyEntries.submittedById))
      .where(eq(dailyEntries.paperId, id))
      .orderBy(asc(dailyEntries.day)),
  ]);
  return {
    ...paper,
    authors,
    listings: listings
      .filter((listing) => !listing.hidden)
      .map(({ day, username, name }) => ({ day, submitter: username || name ? { username, name } : null })),
    removedFrom: listings.filter((listing) => listing.hidden).map((listing) => listing.day),
  };
}
