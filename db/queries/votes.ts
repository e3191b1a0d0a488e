import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../client";
import { commentVotes, comments, papers, users, votes } from "../schema";

// Votes are rows with a unique key; the counter moves in the same transaction, and only when a row
// was really inserted or deleted. Under concurrent clicks the key decides, so counts stay exact.

export type VoteResult = { upvoted: boolean; changed: boolean; upvoteCount: number };

/** Moves a paper's counter by `delta` (0: just reads it) and returns the new count. */
async function settlePaperCount(tx: Tx, paperId: string, delta: -1 | 0 | 1): Promise<number> {
  const [paper] =
    delta === 0
      ? await tx.select({ upvoteCount: papers.upvoteCount }).from(papers).where(eq(papers.id, paperId))
      : await tx
          .update(papers)
          .set({ upvoteCount: sql`${papers.upvoteCount} + ${delta}` })
          .where(eq(papers.id, paperId))
          .returning({ upvoteCount: papers.upvoteCount });
  return paper.upvoteCount;
}

async function assertPaperExists(tx: Tx, paperId: string) {
  const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.id, paperId));
  if (!paper) throw new AppError("not_found", { message: "That paper does not exist." });
}

export async function castPaperVote({ userId, paperId }: { userId: string; paperId: string }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    await assertPaperExists(tx, paperId);
    const inserted = await tx.insert(votes).values({ userId, paperId }).onConflictDoNothing().returning({ paperId: votes.paperId });
    const changed = inserted.length > 0;
    return { upvoted: true, changed, upvoteCount: await settlePaperCount(tx, paperId, changed ? 1 : 0) };
  });
}

export async function removePaperVote({ userId, paperId }: { userId: string; paperId: string }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    await assertPaperExists(tx, paperId);
    const deleted = await tx
      .delete(votes)
      .where(and(eq(votes.userId, userId), eq(votes.paperId, paperId)))
      .returning({ paperId: votes.paperId });
    const changed = deleted.length > 0;
    return { upvoted: false, changed, upvoteCount: await settlePaperCount(tx, paperId, changed ? -1 : 0) };
  });
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

/**
 * A reader's own upvotes among some papers, with those papers' current counts, in one statement.
 * The cached pages show counts up to a few seconds old; a signed-in reader gets these with their
 * own votes, so a count never disagrees with the vote they just cast.
 */
export async function getReaderPaperVotes({ userId, paperIds }: { userId: string; paperIds: string[] }): Promise<{ upvoted: string[]; counts: Record<string, number> }> {
  if (paperIds.length === 0) return { upvoted: [], counts: {} };
  const rows = await getDb()
    .select({
      id: papers.id,
      upvoteCount: papers.upvoteCount,
      upvoted: sql<boolean>`exists (select 1 from ${votes} where ${votes.paperId} = ${papers.id} and ${votes.userId} = ${userId})`,
    })
    .from(papers)
    .where(inArray(papers.id, paperIds));
  return { upvoted: rows.filter((r) => r.upvoted).map((r) => r.id), counts: Object.fromEntries(rows.map((r) => [r.id, r.upvoteCount])) };
}

/** The same for one paper's comments: the reader's upvotes and every comment's count, in one statement. */
export async function getReaderCommentVotes({ userId, paperId }: { userId: string; paperId: string }): Promise<{ upvoted: number[]; counts: Record<number, number> }> {
  const rows = await getDb()
    .select({
      id: comments.id,
      upvoteCount: comments.upvoteCount,
      upvoted: sql<boolean>`exists (select 1 from ${commentVotes} where ${commentVotes.commentId} = ${comments.id} and ${commentVotes.userId} = ${userId})`,
    })
    .from(comments)
    .where(eq(comments.paperId, paperId));
  return { upvoted: rows.filter((r) => r.upvoted).map((r) => r.id), counts: Object.fromEntries(rows.map((r) => [r.id, r.upvoteCount])) };
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
async function assertCommentVotable(tx: Tx, commentId: number) {
  const [comment] = await tx.select({ deletedAt: comments.deletedAt, hiddenAt: comments.hiddenAt }).from(comments).where(eq(comments.id, commentId));
  if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
  if (comment.deletedAt || comment.hiddenAt) throw new AppError("forbidden", { message: "That comment was removed, so it takes no votes." });
}

export async function castCommentVote({ userId, commentId }: { userId: string; commentId: number }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    await assertCommentVotable(tx, commentId);
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
