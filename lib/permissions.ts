import { EDIT_WINDOW_MS } from "./comment-rules";

// Who may do what, as plain predicates over plain data, so they are easy to test and to reuse in
// both the data layer (which enforces them) and the UI (which only hides buttons).

export type Actor = { id: string; role: "user" | "admin"; bannedAt: Date | null };
export type CommentFacts = { authorId: string; createdAt: Date; deletedAt: Date | null; hiddenAt: Date | null };

export function isActive(actor: Actor | null): actor is Actor {
  return actor !== null && actor.bannedAt === null;
}

export function canEditComment(actor: Actor | null, comment: CommentFacts, now: Date): boolean {
  return (
    isActive(actor) &&
    actor.id === comment.authorId &&
    comment.deletedAt === null &&
    comment.hiddenAt === null &&
    now.getTime() - comment.createdAt.getTime() <= EDIT_WINDOW_MS
  );
}

export function canDeleteComment(actor: Actor | null, comment: CommentFacts): boolean {
  return isActive(actor) && actor.id === comment.authorId && comment.deletedAt === null;
}

export function canReplyTo(actor: Actor | null, comment: Pick<CommentFacts, "deletedAt" | "hiddenAt">): boolean {
  return isActive(actor) && comment.deletedAt === null && comment.hiddenAt === null;
}

/** Others' comments only: a comment's votes are what other readers thought of it. */
export function canVoteOnComment(actor: Actor | null, comment: Pick<CommentFacts, "authorId">): boolean {
  return isActive(actor) && actor.id !== comment.authorId;
}

/** Others' live comments only: your own you can edit or delete. */
export function canFlagComment(actor: Actor | null, comment: Pick<CommentFacts, "authorId" | "deletedAt" | "hiddenAt">): boolean {
  return isActive(actor) && actor.id !== comment.authorId && comment.deletedAt === null && comment.hiddenAt === null;
}
