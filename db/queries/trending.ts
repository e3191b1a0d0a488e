import "server-only";
import { and, asc, count, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import { TRENDING, trendingWindow } from "@/lib/trending";
import type { Day } from "@/lib/dates";
import { cardColumns } from "./card-columns";
import { firstVisibleListing } from "./listings";
import { getReadDb } from "../client";
import { comments, papers, users, votes } from "../schema";
import { getAuthorPreviews, type ListedPaper } from "./daily-list";

// The trending list: lib/trending.ts states the formula and its rules; this is the same in SQL,
// with the same constants, so the database can rank and cut before anything is sent back.

export type TrendingPaper = ListedPaper & {
  firstListedDay: Day;
  upvotesInWindow: number;
  commentsInWindow: number;
  ageHours: number;
  score: number;
};

export async function getTrending({ now, limit = 30 }: { now: Date; limit?: number }): Promise<TrendingPaper[]> {
  const db = getReadDb();
  const { startDay, endDay, since } = trendingWindow(now);
  const at = sql`${now.toISOString()}::timestamptz`;
  const from = sql`${since.toISOString()}::timestamptz`;

  // Each paper's first visible listing: its age counts from that day, and it names the submitter.
  const first = firstVisibleListing({ ofPapersListed: { from: startDay, to: endDay }, alias: "first" });

  // Counted per candidate paper, through the (paper_id, created_at) indexes: counted for every
  // paper and then joined, they read the whole votes and comments tables (~200 ms at 1M votes).
  const recentVotes = db
    .select({ n: count().as("vote_n") })
    .from(votes)
    .where(and(eq(votes.paperId, first.paperId), sql`${votes.createdAt} >= ${from}`, sql`${votes.createdAt} <= ${at}`))
    .as("recent_votes");

  const recentComments = db
    .select({ n: count().as("comment_n") })
    .from(comments)
    .where(
      and(
        eq(comments.paperId, first.paperId),
        sql`${comments.createdAt} >= ${from}`,
        sql`${comments.createdAt} <= ${at}`,
        isNull(comments.deletedAt),
        isNull(comments.hiddenAt),
      ),
    )
    .as("recent_comments");

  const upvotes = sql<number>`${recentVotes.n}`;
  const commentCount = sql<number>`${recentComments.n}`;
  const ageHours = sql<number>`greatest(extract(epoch from (${at} - (${first.day}::timestamp at time zone 'UTC')))::float8 / 3600, 0)`;
  const points = sql`(${upvotes} + ${TRENDING.commentWeight}::float8 * ${commentCount})`;
  const score = sql<number>`${points} / power(${ageHours} + ${TRENDING.ageOffsetHours}::float8, ${TRENDING.gravity}::float8)`;

  const ranked = db
    .select({
      id: papers.id,
      firstListedDay: first.day,
      submittedAt: first.submittedAt,
      submittedById: first.submittedById,
      upvotes: upvotes.mapWith(Number).as("upvotes"),
      comments: commentCount.mapWith(Number).as("comments"),
      ageHours: ageHours.mapWith(Number).as("age_hours"),
      score: score.mapWith(Number).as("score"),
    })
    .from(first)
    .innerJoin(papers, eq(papers.id, first.paperId))
    // A count without GROUP BY is always one row: each lateral join keeps every candidate.
    .innerJoinLateral(recentVotes, sql`true`)
    .innerJoinLateral(recentComments, sql`true`)
    .where(and(gte(first.day, startDay), lte(first.day, endDay), sql`${points} > 0`))
    .as("ranked");

  const rows = await db
    .select({
      ...cardColumns,
      firstListedDay: ranked.firstListedDay,
      submittedAt: ranked.submittedAt,
      upvotesInWindow: ranked.upvotes,
      commentsInWindow: ranked.comments,
      ageHours: ranked.ageHours,
      score: ranked.score,
      submitterUsername: users.username,
      submitterName: users.name,
    })
    .from(ranked)
    .innerJoin(papers, eq(papers.id, ranked.id))
    .leftJoin(users, eq(users.id, ranked.submittedById))
    .orderBy(desc(ranked.score), desc(ranked.upvotes), desc(ranked.firstListedDay), asc(papers.id))
    .limit(limit);

  const authors = await getAuthorPreviews(rows.map((r) => r.id));
  return rows.map(({ submitterUsername, submitterName, ...row }) => ({
    ...row,
    pinnedPosition: null,
    authors: authors.get(row.id)?.names ?? [],
    authorCount: authors.get(row.id)?.count ?? 0,
    submitter: submitterUsername || submitterName ? { username: submitterUsername, name: submitterName } : null,
  }));
}
