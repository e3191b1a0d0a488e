import "server-only";
import { and, desc, eq, inArray, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { commentVotes, comments, papers, users, votes } from "../schema";

// Votes are rows with a unique key; the counter moves in the same transaction, and only when a row
// was really inserted or deleted. Under concurrent clicks the key decides, so counts stay exact.

export type VoteResult = { upvoted: boolean; changed: boolean; upvoteCount: number };

export async function castPaperVote({ userId, paperId }: { userId: string; paperId: string }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    const inserted = await tx.insert(votes).values({ userId, paperId }).onConflictDoNothing().returning({ paperId: votes.paperId });
    const [paper] =
      inserted.length > 0
        ? await tx
            .update(papers)
            .set({ upvoteCount: sql`${papers.upvoteCount} + 1` })
            .where(eq(papers.id, paperId))
            .returning({ upvoteCount: papers.upvoteCount })
        : await tx.select({ upvoteCount: papers.upvoteCount }).from(papers).where(eq(papers.id, paperId));
    if (!paper) throw new AppError("not_found", { message: "That paper does not exist." });
    return { upvoted: true, changed: inserted.length > 0, upvoteCount: paper.upvoteCount };
  });
}

export async function removePaperVote({ userId, paperId }: { userId: string; paperId: string }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(votes)
      .where(and(eq(votes.userId, userId), eq(votes.paperId, paperId)))
      .returning({ paperId: votes.paperId });
    const [paper] =
      deleted.length > 0
        ? await tx
            .update(papers)
            .set({ upvoteCount: sql`${papers.upvoteCount} - 1` })
            .where(eq(papers.id, paperId))
            .returning({ upvoteCount: papers.upvoteCount })
        : await tx.select({ upvoteCount: papers.upvoteCount }).from(papers).where(eq(papers.id, paperId));
    if (!paper) throw new AppError("not_found", { message: "That paper does not exist." });
    return { upvoted: false, changed: deleted.length > 0, upvoteCount: paper.upvoteCount };
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

export async function castCommentVote({ userId, commentId }: { userId: string; commentId: number }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    const inserted = await tx
      .insert(commentVotes)
      .values({ userId, commentId })
      .onConflictDoNothing()
      .returning({ commentId: commentVotes.commentId });
    const [comment] =
      inserted.length > 0
        ? await tx
            .update(comments)
            .set({ upvoteCount: sql`${comments.upvoteCount} + 1` })
            .where(eq(comments.id, commentId))
            .returning({ upvoteCount: comments.upvoteCount })
        : await tx.select({ upvoteCount: comments.upvoteCount }).from(comments).where(eq(comments.id, commentId));
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    return { upvoted: true, changed: inserted.length > 0, upvoteCount: comment.upvoteCount };
  });
}

export async function removeCommentVote({ userId, commentId }: { userId: string; commentId: number }): Promise<VoteResult> {
  return getDb().transaction(async (tx) => {
    const deleted = await tx
      .delete(commentVotes)
      .where(and(eq(commentVotes.userId, userId), eq(commentVotes.commentId, commentId)))
      .returning({ commentId: commentVotes.commentId });
    const [comment] =
      deleted.length > 0
        ? await tx
            .update(comments)
            .set({ upvoteCount: sql`${comments.upvoteCount} - 1` })
            .where(eq(comments.id, commentId))
            .returning({ upvoteCount: comments.upvoteCount })
        : await tx.select({ upvoteCount: comments.upvoteCount }).from(comments).where(eq(comments.id, commentId));
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    return { upvoted: false, changed: deleted.length > 0, upvoteCount: comment.upvoteCount };
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
