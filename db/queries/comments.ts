import "server-only";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { placeReply } from "@/lib/comment-rules";
import { AppError } from "@/lib/errors";
import { canDeleteComment, canEditComment, canReplyTo, type Actor } from "@/lib/permissions";
import { getDb } from "../client";
import { comments, papers, users } from "../schema";
import { lockLiveAccount } from "./users";

export type CommentRow = {
  id: number;
  parentId: number | null;
  depth: number;
  body: string | null; // null once deleted or hidden: the thread keeps its shape, not the words
  state: "live" | "deleted" | "hidden";
  upvoteCount: number;
  createdAt: Date;
  editedAt: Date | null;
  author: { id: string; username: string | null; name: string | null; image: string | null } | null;
};

/**
 * A comment as the cached paper page sends it to the browser: its rendered body travels apart
 * (components/comments/discussion.tsx), and the Markdown source only to its author
 * (getReaderCommentVotes), so no reader downloads every comment twice.
 */
export type ThreadComment = Omit<CommentRow, "body">;

/** Every comment of a paper, flat; lib/comment-tree.ts builds the thread. */
export async function getPaperComments({ paperId }: { paperId: string }): Promise<CommentRow[]> {
  const rows = await getDb()
    .select({
      id: comments.id,
      parentId: comments.parentId,
      depth: comments.depth,
      body: comments.body,
      upvoteCount: comments.upvoteCount,
      createdAt: comments.createdAt,
      editedAt: comments.editedAt,
      deletedAt: comments.deletedAt,
      hiddenAt: comments.hiddenAt,
      authorId: users.id,
      username: users.username,
      name: users.name,
      image: users.image,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.paperId, paperId))
    .orderBy(asc(comments.id));
  return rows.map((r) => {
    const state = r.deletedAt ? "deleted" : r.hiddenAt ? "hidden" : "live";
    return {
      id: r.id,
      parentId: r.parentId,
      depth: r.depth,
      body: state === "live" ? r.body : null,
      state,
      upvoteCount: r.upvoteCount,
      createdAt: r.createdAt,
      editedAt: r.editedAt,
      author: state === "live" ? { id: r.authorId, username: r.username, name: r.name, image: r.image } : null,
    };
  });
}

/** A reader's most recent live comments, for their profile. */
export async function getRecentCommentsBy({ userId, limit = 20 }: { userId: string; limit?: number }) {
  return getDb()
    .select({ id: comments.id, paperId: comments.paperId, paperTitle: papers.title, body: comments.body, createdAt: comments.createdAt })
    .from(comments)
    .innerJoin(papers, eq(papers.id, comments.paperId))
    .where(and(eq(comments.authorId, userId), isNull(comments.deletedAt), isNull(comments.hiddenAt)))
    .orderBy(desc(comments.createdAt))
    .limit(limit);
}

export async function addComment({
  actor,
  paperId,
  parentId,
  body,
}: {
  actor: Actor;
  paperId: string;
  parentId: number | null;
  body: string;
}): Promise<{ id: number }> {
  return getDb().transaction(async (tx) => {
    await lockLiveAccount(tx, actor.id);
    let placement: { parentId: number | null; depth: number } = { parentId: null, depth: 0 };
    if (parentId !== null) {
      const [parent] = await tx.select().from(comments).where(eq(comments.id, parentId)).for("share");
      if (!parent || parent.paperId !== paperId) throw new AppError("not_found", { message: "The comment you replied to does not exist." });
      if (!canReplyTo(actor, parent)) throw new AppError("forbidden", { message: "That comment was removed, so it takes no replies." });
      placement = placeReply(parent);
    }
    const bumped = await tx
      .update(papers)
      .set({ commentCount: sql`${papers.commentCount} + 1` })
      .where(eq(papers.id, paperId))
      .returning({ id: papers.id });
    if (bumped.length === 0) throw new AppError("not_found", { message: "That paper does not exist." });
    const [created] = await tx
      .insert(comments)
      .values({ paperId, authorId: actor.id, parentId: placement.parentId, depth: placement.depth, body })
      .returning({ id: comments.id });
    return created;
  });
}

/**
 * `basedOn` is the text the author started editing from: if the comment no longer says that (saved
 * meanwhile from another tab or window), the edit is refused rather than overwriting the newer words.
 */
export async function editComment({ actor, commentId, body, basedOn, now = new Date() }: { actor: Actor; commentId: number; body: string; basedOn: string; now?: Date }) {
  return getDb().transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    if (!canEditComment(actor, comment, now)) {
      throw new AppError("forbidden", {
        message: actor.id === comment.authorId ? "Comments can only be edited in the first hour." : "You can only edit your own comments.",
      });
    }
    if (comment.body !== basedOn) {
      throw new AppError("conflict", {
        message: "This comment was changed elsewhere (another tab or window) since you began editing.",
      });
    }
    await tx.update(comments).set({ body, editedAt: now }).where(eq(comments.id, commentId));
    return { id: commentId, paperId: comment.paperId };
  });
}

/**
 * Deletes a comment as its author asks: the words are erased (the dialog promises they go for
 * good, and they would otherwise stay readable to admins and in backups), the row stays so
 * replies keep their place. A comment a moderator hid keeps its words for the moderators: its
 * author no longer sees it to delete it, and deleting must not destroy what it was hidden for.
 */
export async function deleteComment({ actor, commentId, now = new Date() }: { actor: Actor; commentId: number; now?: Date }) {
  return getDb().transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    if (!canDeleteComment(actor, comment)) throw new AppError("forbidden", { message: "You can only delete your own comments." });
    const erased = comment.hiddenAt === null ? { body: "", editedAt: null } : {};
    await tx.update(comments).set({ deletedAt: now, ...erased }).where(eq(comments.id, commentId));
    // Hidden comments were already taken off the count when they were hidden.
    if (comment.hiddenAt === null) {
      await tx
        .update(papers)
        .set({ commentCount: sql`${papers.commentCount} - 1` })
        .where(eq(papers.id, comment.paperId));
    }
    return { id: commentId, paperId: comment.paperId };
  });
}
