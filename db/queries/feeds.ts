import "server-only";
import { and, asc, count, desc, eq, exists, gte, isNull, sql } from "drizzle-orm";
import type { ListedPaperRow } from "@/lib/api/shape";
import { getDb } from "../client";
import { dailyEntries, papers, votes } from "../schema";
import { getApiPapers } from "./api";

/**
 * The trending feed until a trending query exists: listed papers ranked by the upvotes they got
 * since `since` (then all-time upvotes, then ID), papers with none left out.
 */
export async function getRecentlyUpvotedPapers({ since, limit }: { since: Date; limit: number }): Promise<ListedPaperRow[]> {
  const db = getDb();
  const recent = count(votes.userId);
  const ranked = await db
    .select({ id: papers.id })
    .from(votes)
    .innerJoin(papers, eq(papers.id, votes.paperId))
    .where(
      and(
        gte(votes.createdAt, since),
        exists(
          db
            .select({ one: sql`1` })
            .from(dailyEntries)
            .where(and(eq(dailyEntries.paperId, papers.id), isNull(dailyEntries.hiddenAt))),
        ),
      ),
    )
    .groupBy(papers.id)
    .orderBy(desc(recent), desc(papers.upvoteCount), asc(papers.id))
    .limit(limit);
  const details = await getApiPapers({ ids: ranked.map((r) => r.id) });
  return details.flatMap((paper) => (paper.listing ? [{ ...paper, listing: paper.listing }] : []));
}
