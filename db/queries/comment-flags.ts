import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { cache } from "react";
import { assertAdmin } from "@/lib/admin-guard";
import { AppError } from "@/lib/errors";
import { canFlagComment, isActive, type Actor } from "@/lib/permissions";
import { getDb } from "../client";
import { FLAG_REASONS, type FlagReason } from "@/lib/flag-reasons";
import { commentFlags, comments, users } from "../schema";
import { writeAudit } from "./audit";
import { moderatedCommentColumns } from "./moderation";

/**
 * A reader flags someone else's live comment for the moderators. Once per reader and comment (the
 * key): flagging again only changes the reason, so one reader cannot make a comment look worse.
 */
export async function flagComment({ actor, commentId, reason }: { actor: Actor; commentId: number; reason: FlagReason }): Promise<{ paperId: string }> {
  return getDb().transaction(async (tx) => {
    // Shared with other flaggers, exclusive of a hide or delete happening at the same moment.
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("share");
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    if (comment.deletedAt || comment.hiddenAt) throw new AppError("conflict", { message: "That comment is no longer shown: there is nothing left to flag." });
    if (!isActive(actor)) throw new AppError("forbidden:banned");
    if (!canFlagComment(actor, comment)) throw new AppError("forbidden", { message: "You cannot flag your own comment (you can edit or delete it)." });
    await tx
      .insert(commentFlags)
      .values({ userId: actor.id, commentId, reason })
      .onConflictDoUpdate({ target: [commentFlags.userId, commentFlags.commentId], set: { reason } });
    return { paperId: comment.paperId };
  });
}

/**
 * A reader takes back their own flag (they misread the comment, or it was edited since). Nothing
 * is recorded: a flag is the reader's own, and only the moderators ever saw it.
 */
export async function withdrawFlag({ actor, commentId }: { actor: Actor; commentId: number }): Promise<void> {
  if (!isActive(actor)) throw new AppError("forbidden:banned");
  const [withdrawn] = await getDb()
    .delete(commentFlags)
    .where(and(eq(commentFlags.userId, actor.id), eq(commentFlags.commentId, commentId)))
    .returning({ commentId: commentFlags.commentId });
  if (!withdrawn) throw new AppError("conflict", { message: "You have no flag on that comment (the moderators may have settled it)." });
}

/** An admin decides a comment's flags were wrong: they go, recorded in the audit trail (kept off the public log). */
export async function dismissFlags({ actor, commentId, reason }: { actor: Actor; commentId: number; reason?: string }): Promise<{ dismissed: number }> {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [comment] = await tx.select({ paperId: comments.paperId }).from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    const dismissed = await tx.delete(commentFlags).where(eq(commentFlags.commentId, commentId)).returning({ userId: commentFlags.userId });
    if (dismissed.length === 0) throw new AppError("conflict", { message: "That comment has no flags (another admin may have settled them)." });
    await writeAudit(tx, {
      actorId: actor.id,
      action: "dismiss_flags",
      targetType: "comment",
      targetId: String(commentId),
      reason,
      details: { paperId: comment.paperId, flags: dismissed.length },
    });
    return { dismissed: dismissed.length };
  });
}

// Flags count while their reader's account is live and not suspended: a spammer who flags good
// comments before being banned does not keep them at the top of the list, and a deleted
// account's flags go with it (lifting a ban brings that reader's flags back).
const flagger = alias(users, "flagger");
const countedFlag = and(eq(flagger.id, commentFlags.userId), isNull(flagger.bannedAt), isNull(flagger.deletedAt));

export type FlaggedComment = {
  id: number;
  paperId: string;
  body: string;
  createdAt: Date;
  author: string | null;
  flags: number;
  reasons: Partial<Record<FlagReason, number>>;
};

/** Live comments readers flagged, most flagged first, then the most recently flagged. */
export async function flaggedComments({ limit = 100 }: { limit?: number } = {}): Promise<FlaggedComment[]> {
  const rows = await getDb()
    .select({
      ...moderatedCommentColumns,
      flags: sql<number>`count(*)::int`,
      // Counted from the same rows as `flags`, so the same flaggers count.
      reasons: sql<Record<FlagReason, number>>`jsonb_build_object(${sql.join(
        FLAG_REASONS.map((reason) => sql`${reason}::text, count(*) filter (where ${commentFlags.reason} = ${reason})`),
        sql`, `,
      )})`,
    })
    .from(commentFlags)
    .innerJoin(flagger, countedFlag)
    .innerJoin(comments, eq(comments.id, commentFlags.commentId))
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(and(isNull(comments.hiddenAt), isNull(comments.deletedAt)))
    .groupBy(comments.id, users.username)
    .orderBy(desc(sql`count(*)`), desc(sql`max(${commentFlags.createdAt})`))
    .limit(limit);
  return rows.map((row) => ({
    ...row,
    flags: Number(row.flags),
    reasons: Object.fromEntries(Object.entries(row.reasons).filter(([, n]) => Number(n) > 0)) as FlaggedComment["reasons"],
  }));
}

/**
 * How many live comments wait for a moderator's look, for the admin navigation; read once per
 * request (the layout and /admin/comments both show it).
 */
export const countFlaggedComments = cache(async (): Promise<number> => {
  const [row] = await getDb()
    .select({ n: sql<number>`count(distinct ${commentFlags.commentId})::int` })
    .from(commentFlags)
    .innerJoin(flagger, countedFlag)
    .innerJoin(comments, eq(comments.id, commentFlags.commentId))
    .where(and(isNull(comments.hiddenAt), isNull(comments.deletedAt)));
  return Number(row?.n ?? 0);
});
