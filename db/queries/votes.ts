import "server-only";
import { and, desc, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { refuseIfLimited } from "@/lib/rate-limit";
import { getDb, type Tx } from "../client";
import { executePrepared, preparedPerDb } from "../prepared";
import { rateLimitHits, rateLimitOutcomes, type RateLimitCheck } from "./rate-limits";
import { rowsOf } from "../rows";
import type { SessionUser } from "@/lib/auth/session-user";
import { accountGone, lockLiveAccount, sessionUserColumns } from "./users";
import type { FlagReason } from "@/lib/flag-reasons";
import { commentFlags, commentVotes, comments, papers, users, votes } from "../schema";

// Votes are rows with a unique key; the counter moves in the same transaction, and only when a row
// was really inserted or deleted. Under concurrent clicks the key decides, so counts stay exact.

export type VoteResult = { upvoted: boolean; changed: boolean; upvoteCount: number };

// One statement each, so one round trip and one commit: the reader's rate-limit hits, the vote row
// and the counter move together or not at all. Under concurrent votes the unique key decides which
// insert counts, and the counter's row lock serialises the increments (each re-reads the row it
// waits for). A refused hit leaves the vote untouched (`allowed` gates the insert or delete).
// The voter must still have an account when the vote lands: a vote sent just before its reader
// deleted the account waits on the deletion's row lock (for key share), then finds the row deleted
// and casts nothing, instead of leaving a counted vote on a tombstone.
const castStatement = (userId: string, paperId: string, allowed: SQL) => sql`
  paper as (select ${papers.id} as id, ${papers.upvoteCount} as upvote_count from ${papers} where ${papers.id} = ${paperId}),
  voter as (select ${users.id} as id from ${users} where ${users.id} = ${userId} and ${users.deletedAt} is null for key share),
  cast_vote as (
    insert into ${votes} (user_id, paper_id) select voter.id, paper.id from paper, voter where ${allowed}
    on conflict do nothing returning paper_id
  ),
  counted as (
    update ${papers} set upvote_count = ${papers.upvoteCount} + 1 where ${papers.id} in (select paper_id from cast_vote) returning ${papers.upvoteCount} as upvote_count
  )
  select exists (select 1 from paper) as found, exists (select 1 from cast_vote) as changed, exists (select 1 from voter) as voter_found,
         coalesce((select upvote_count from counted), (select upvote_count from paper)) as upvote_count`;

const removeStatement = (userId: string, paperId: string, allowed: SQL) => sql`
  paper as (select ${papers.id} as id, ${papers.upvoteCount} as upvote_count from ${papers} where ${papers.id} = ${paperId}),
  removed as (delete from ${votes} where ${votes.userId} = ${userId} and ${votes.paperId} = ${paperId} and ${allowed} returning paper_id),
  counted as (
    update ${papers} set upvote_count = ${papers.upvoteCount} - 1 where ${papers.id} in (select paper_id from removed) returning ${papers.upvoteCount} as upvote_count
  )
  select exists (select 1 from paper) as found, exists (select 1 from removed) as changed,
         coalesce((select upvote_count from counted), (select upvote_count from paper)) as upvote_count`;

type VoteRow = { found: boolean; changed: boolean; voter_found?: boolean; upvote_count: number | null } & Record<string, unknown>;

type PaperVote = { userId: string; paperId: string; rateLimits?: RateLimitCheck[]; now?: Date };

async function settleVote(statement: (userId: string, paperId: string, allowed: SQL) => SQL, upvoted: boolean, { userId, paperId, rateLimits = [], now = new Date() }: PaperVote): Promise<VoteResult> {
  const hits = rateLimits.length > 0 ? rateLimitHits(rateLimits, now) : null;
  const body = statement(userId, paperId, hits?.allAllowed ?? sql`true`);
  // The rate-limit columns go after the vote's: `select a, b, c, allowed0, allowed1`.
  const withLimits = hits ? sql`with ${hits.ctes}, ${body}, ${sql.join(hits.allowedColumns, sql`, `)}` : sql`with ${body}`;
  // Prepared (db/prepared.ts): the hottest write there is, and its text is the same for every vote.
  const [row] = rowsOf<VoteRow>(await executePrepared(getDb(), withLimits));
  if (hits) refuseIfLimited(await rateLimitOutcomes(rateLimits, row, now));
  if (row?.voter_found === false) throw accountGone();
  if (!row?.found) throw new AppError("not_found", { message: "That paper does not exist." });
  if (row.changed) return { upvoted, changed: true, upvoteCount: Number(row.upvote_count) };
  // Nothing changed, often because the same vote was being cast at the same moment (a double
  // click): this statement's count was read before that vote committed, so it is one behind. A
  // new statement sees the committed count. Only repeats pay for the second round trip.
  const [paper] = await getDb().select({ upvoteCount: papers.upvoteCount }).from(papers).where(eq(papers.id, paperId));
  return { upvoted, changed: false, upvoteCount: paper?.upvoteCount ?? Number(row.upvote_count) };
}

/** Upvotes a paper, counting the hits in `rateLimits` first (lib/rate-limit.ts rateLimitChecks) in the same statement. */
export async function castPaperVote(vote: PaperVote): Promise<VoteResult> {
  return settleVote(castStatement, true, vote);
}

/** Takes an upvote back, under the same rate limits as casting it. */
export async function removePaperVote(vote: PaperVote): Promise<VoteResult> {
  return settleVote(removeStatement, false, vote);
}

/** Which of these papers the reader has upvoted. */
export async function getUpvotedPaperIds({ userId, paperIds }: { userId: string; paperIds: string[] }): Promise<string[]> {
  if (paperIds.length === 0) return [];
  const rows = await getDb()
    .select({ paperId: votes.paperId })
    .from(votes)
    .where(and(eq(votes.userId, userId), inArray(votes.paperId, paperIds)));
  return rows.map((r) => r.paperId);
}

/** Which of some papers a reader upvoted, and those papers' current counts, by arXiv ID. */
export type ReaderPaperVotes = { upvoted: string[]; counts: Record<string, number> };

/**
 * A reader's own upvotes among some papers, with those papers' current counts, in one statement.
 * The cached pages show counts up to a few seconds old; a signed-in reader gets these with their
 * own votes, so a count never disagrees with the vote they just cast.
 */
export async function getReaderPaperVotes({ userId, paperIds }: { userId: string; paperIds: string[] }): Promise<ReaderPaperVotes> {
  if (paperIds.length === 0) return { upvoted: [], counts: {} };
  return readerVotesOf(await readerPaperVotesQuery(getDb()).execute({ userId, paperIds }));
}

/**
 * What /api/me reads, in one statement: the session's users row (as db/queries/users.ts
 * getSessionUser reads it) and, beside it, the reader's upvotes and the counts of the page's
 * papers. Two statements at once cost the app server ~15% more CPU a request than this one
 * (0.86 against 0.75 ms under load), its round trip and parsing, not PostgreSQL's work (README,
 * Performance).
 * The row is null when the account is gone; the caller still checks the session's claims
 * against it before showing the votes (lib/auth/current-user.ts).
 */
export async function getSessionUserWithPaperVotes({ userId, paperIds }: { userId: string; paperIds: string[] }): Promise<{ row: SessionUser | null; votes: ReaderPaperVotes }> {
  const [found] = await sessionUserWithPaperVotesQuery(getDb()).execute({ userId, paperIds });
  if (!found) return { row: null, votes: { upvoted: [], counts: {} } };
  const { paperVotes, ...row } = found;
  return { row, votes: readerVotesOf(paperVotes.map(([id, upvoteCount, upvoted]) => ({ id, upvoteCount, upvoted }))) };
}

const sessionUserWithPaperVotesQuery = preparedPerDb((db) =>
  db
    .select({
      ...sessionUserColumns,
      // As JSON rows of [id, count, upvoted]: one column, parsed by the driver in one call. Aliased
      // by hand: in a one-table select Drizzle writes columns unqualified, and a bare "id" in
      // this subquery would be the paper's, not the user's.
      paperVotes: sql<[string, number, boolean][]>`(
        select coalesce(json_agg(json_build_array(p.id, p.upvote_count, exists (select 1 from ${votes} v where v.paper_id = p.id and v.user_id = ${sql.placeholder("userId")}))), '[]'::json)
        from ${papers} p where p.id = any(${sql.placeholder("paperIds")}::text[]))`,
    })
    .from(users)
    .where(and(eq(users.id, sql.placeholder("userId")), isNull(users.deletedAt)))
    .limit(1)
    .prepare("session_user_with_paper_votes"),
);

// For /api/me/votes (API clients; pages ask /api/me, above): built once (db/prepared.ts). The IDs
// go as one array parameter, so one statement serves any number of papers.
const readerPaperVotesQuery = preparedPerDb((db) =>
  db
    .select({
      id: papers.id,
      upvoteCount: papers.upvoteCount,
      upvoted: sql<boolean>`exists (select 1 from ${votes} where ${votes.paperId} = ${papers.id} and ${votes.userId} = ${sql.placeholder("userId")})`,
    })
    .from(papers)
    .where(sql`${papers.id} = any(${sql.placeholder("paperIds")}::text[])`)
    .prepare("reader_paper_votes"),
);

/**
 * The same for one paper's comments, in one statement: the reader's upvotes, every comment's
 * count, and the Markdown of the reader's own live comments (the cached page carries only the
 * rendered bodies; the author needs the source to edit).
 */
export type ReaderCommentState = { upvoted: number[]; counts: Record<number, number>; sources: Record<number, string>; flagged: Record<number, FlagReason> };

export async function getReaderCommentVotes({ userId, paperId }: { userId: string; paperId: string }): Promise<ReaderCommentState> {
  const rows = await readerCommentVotesQuery(getDb()).execute({ userId, paperId });
  const sources = Object.fromEntries(rows.flatMap((r) => (r.ownSource === null ? [] : [[r.id, r.ownSource]])));
  const flagged = Object.fromEntries(rows.flatMap((r) => (r.flagReason === null ? [] : [[r.id, r.flagReason]])));
  return { ...readerVotesOf(rows), sources, flagged };
}

// Every signed-in view of a paper page runs this (through /api/me/comment-votes): built once.
const readerCommentVotesQuery = preparedPerDb((db) => {
  const userId = sql.placeholder("userId");
  return db
    .select({
      id: comments.id,
      upvoteCount: comments.upvoteCount,
      upvoted: sql<boolean>`exists (select 1 from ${commentVotes} where ${commentVotes.commentId} = ${comments.id} and ${commentVotes.userId} = ${userId})`,
      ownSource: sql<string | null>`case when ${comments.authorId} = ${userId} and ${comments.deletedAt} is null and ${comments.hiddenAt} is null then ${comments.body} end`,
      // The reader's own flag, by the table's key (comment, reader).
      flagReason: sql<FlagReason | null>`(select ${commentFlags.reason} from ${commentFlags} where ${commentFlags.commentId} = ${comments.id} and ${commentFlags.userId} = ${userId})`,
    })
    .from(comments)
    .where(eq(comments.paperId, sql.placeholder("paperId")))
    .prepare("reader_comment_votes");
});

/** Rows of (id, count, the reader's vote) as the reader's upvoted IDs and every row's count. */
function readerVotesOf<Id extends string | number>(rows: { id: Id; upvoteCount: number; upvoted: boolean }[]): { upvoted: Id[]; counts: Record<Id, number> } {
  return { upvoted: rows.filter((r) => r.upvoted).map((r) => r.id), counts: Object.fromEntries(rows.map((r) => [r.id, r.upvoteCount])) as Record<Id, number> };
}

/** The most recent upvoters of a paper, for the avatars on its page. */
export async function getUpvoters({ paperId, limit = 12 }: { paperId: string; limit?: number }) {
  return getDb()
    .select({ username: users.username, name: users.name, image: users.image })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(eq(votes.paperId, paperId))
    .orderBy(desc(votes.createdAt))
    .limit(limit);
}

/** Moves a comment's counter by `delta` (0: just reads it); not_found when there is no such comment. */
async function settleCommentCount(tx: Tx, commentId: number, delta: -1 | 0 | 1): Promise<number> {
  const [comment] =
    delta === 0
      ? await tx.select({ upvoteCount: comments.upvoteCount }).from(comments).where(eq(comments.id, commentId))
      : await tx
          .update(comments)
          .set({ upvoteCount: sql`${comments.upvoteCount} + ${delta}` })
          .where(eq(comments.id, commentId))
          .returning({ upvoteCount: comments.upvoteCount });
  if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
  return comment.upvoteCount;
}

/**
 * Votes go only to comments still shown: not_found before the foreign key complains, forbidden once
 * deleted or hidden. No row lock: the counter update needs the row, and a shared lock held here
 * would deadlock parallel votes on the same comment.
 */
async function assertCommentVotable(tx: Tx, commentId: number, userId: string) {
  const [comment] = await tx
    .select({ authorId: comments.authorId, deletedAt: comments.deletedAt, hiddenAt: comments.hiddenAt })
    .from(comments)
    .where(eq(comments.id, commentId));
  if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
  // As on Hacker News and Lobsters: a comment's votes are what others thought of it.
  if (comment.authorId === userId) throw new AppError("forbidden", { message: "You cannot upvote your own comment." });
  if (comment.deletedAt || comment.hiddenAt) throw new AppError("forbidden", { message: "That comment was removed, so it takes no votes." });
}

export async function castCommentVote({ userId, commentId }: { userId: string; commentId: number }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    await lockLiveAccount(tx, userId);
    await assertCommentVotable(tx, commentId, userId);
    const inserted = await tx.insert(commentVotes).values({ userId, commentId }).onConflictDoNothing().returning({ id: commentVotes.commentId });
    const changed = inserted.length > 0;
    return { upvoted: true, changed, upvoteCount: await settleCommentCount(tx, commentId, changed ? 1 : 0) };
  });
}

export async function removeCommentVote({ userId, commentId }: { userId: string; commentId: number }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(commentVotes)
      .where(and(eq(commentVotes.userId, userId), eq(commentVotes.commentId, commentId)))
      .returning({ id: commentVotes.commentId });
    const changed = deleted.length > 0;
    return { upvoted: false, changed, upvoteCount: await settleCommentCount(tx, commentId, changed ? -1 : 0) };
  });
}

export async function getUpvotedCommentIds({ userId, paperId }: { userId: string; paperId: string }): Promise<number[]> {
  const rows = await getDb()
    .select({ commentId: commentVotes.commentId })
    .from(commentVotes)
    .innerJoin(comments, eq(comments.id, commentVotes.commentId))
    .where(and(eq(commentVotes.userId, userId), eq(comments.paperId, paperId)));
  return rows.map((r) => r.commentId);
}

