import "server-only";
import { and, asc, desc, eq, ilike, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { assertAdmin } from "@/lib/admin-guard";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { getDb, type Tx } from "../client";
import { commentFlags, comments, dailyEntries, papers, users } from "../schema";
import { writeAudit } from "./audit";

// Moderating people and their words. Content is hidden, never deleted; counters are recomputed
// from the rows in the same transaction, so they stay exact however many rows one step touches.

async function recountComments(tx: Tx, paperIds: string[]) {
  if (paperIds.length === 0) return;
  await tx
    .update(papers)
    .set({
      commentCount: sql`(select count(*)::int from ${comments} c
        where c.paper_id = ${papers.id} and c.deleted_at is null and c.hidden_at is null)`,
    })
    .where(inArray(papers.id, paperIds));
}

export async function setCommentHidden({ actor, commentId, hidden, reason }: { actor: Actor; commentId: number; hidden: boolean; reason?: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [comment] = await tx.select().from(comments).where(eq(comments.id, commentId)).for("update");
    if (!comment) throw new AppError("not_found", { message: "That comment does not exist." });
    if ((comment.hiddenAt !== null) === hidden) throw new AppError("conflict", { message: hidden ? "That comment is already hidden." : "That comment is not hidden." });
    await tx
      .update(comments)
      .set(hidden ? { hiddenAt: new Date(), hiddenReason: reason ?? null } : { hiddenAt: null, hiddenReason: null })
      .where(eq(comments.id, commentId));
    await recountComments(tx, [comment.paperId]);
    // Hiding settles the readers' flags on it: the moderators have acted.
    if (hidden) await tx.delete(commentFlags).where(eq(commentFlags.commentId, commentId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: hidden ? "hide_comment" : "unhide_comment",
      targetType: "comment",
      targetId: String(commentId),
      reason,
      details: { paperId: comment.paperId },
    });
    return { paperId: comment.paperId };
  });
}

/** What a ban hid, or what lifting it restored (or left hidden, when not asked to restore). */
export type BanContent = { comments: number; entries: number };

/**
 * Bans (or lifts a ban on) a reader; with hideContent, their comments and submissions go too, and
 * with restoreContent, lifting the ban brings those back.
 */
export async function setUserBanned({
  actor,
  userId,
  banned,
  reason,
  hideContent = false,
  restoreContent = false,
}: {
  actor: Actor;
  userId: string;
  banned: boolean;
  reason?: string;
  /** Banning: also hide their live comments and listings. */
  hideContent?: boolean;
  /** Lifting: also bring back what the ban hid (not what moderators hid one by one). */
  restoreContent?: boolean;
}): Promise<{ hidden: BanContent; restored: BanContent; stillHidden: BanContent }> {
  assertAdmin(actor);
  if (userId === actor.id) throw new AppError("conflict", { message: "You cannot ban yourself." });
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).for("update");
    if (!user) throw new AppError("not_found", { message: "That user does not exist." });
    // A second ban (another moderator, a stale tab) would move the ban's instant, and lifting it
    // could no longer find what the first one hid; lifting a lifted ban would log a non-event.
    const name = user.username ?? user.name ?? "This reader";
    if (banned && user.bannedAt) {
      throw new AppError("conflict", {
        message: `${name} is already banned. Reload to see the current state. (To also hide what they posted, lift the ban and ban again with that box ticked.)`,
      });
    }
    if (!banned && !user.bannedAt) throw new AppError("conflict", { message: `${name} is not banned. Reload to see the current state.` });
    // One instant for the ban and everything it hides: lifting it finds them by it.
    const now = new Date();
    await tx.update(users).set({ bannedAt: banned ? now : null }).where(eq(users.id, userId));
    const none = { comments: 0, entries: 0 };
    let hidden = none;
    let restored = none;
    let stillHidden = none;
    if (banned && hideContent) {
      const hiddenComments = await tx
        .update(comments)
        .set({ hiddenAt: now, hiddenReason: reason ?? "author banned" })
        .where(and(eq(comments.authorId, userId), isNull(comments.hiddenAt), isNull(comments.deletedAt)))
        .returning({ paperId: comments.paperId });
      const hiddenEntries = await tx
        .update(dailyEntries)
        .set({ hiddenAt: now, hiddenReason: reason ?? "submitter banned", pinnedPosition: null })
        .where(and(eq(dailyEntries.submittedById, userId), isNull(dailyEntries.hiddenAt)))
        .returning({ paperId: dailyEntries.paperId, day: dailyEntries.day });
      await recountComments(tx, [...new Set(hiddenComments.map((c) => c.paperId))]);
      hidden = { comments: hiddenComments.length, entries: hiddenEntries.length };
      // Each paper taken off a list gets its own line in the log, as when a moderator hides one:
      // its page and a refused resubmission point readers there.
      await logEntries(tx, hiddenEntries, { actorId: actor.id, action: "hide_entry", reason: reason ?? "submitter banned", details: { ban: user.username ?? user.id } });
    }
    if (!banned && user.bannedAt) {
      // Hidden by the ban: at its very instant. What a moderator hid on its own has another.
      const commentsOfBan = and(eq(comments.authorId, userId), eq(comments.hiddenAt, user.bannedAt), isNull(comments.deletedAt));
      const entriesOfBan = and(eq(dailyEntries.submittedById, userId), eq(dailyEntries.hiddenAt, user.bannedAt));
      if (restoreContent) {
        const back = await tx.update(comments).set({ hiddenAt: null, hiddenReason: null }).where(commentsOfBan).returning({ paperId: comments.paperId });
        const backEntries = await tx
          .update(dailyEntries)
          .set({ hiddenAt: null, hiddenReason: null })
          .where(entriesOfBan)
          .returning({ paperId: dailyEntries.paperId, day: dailyEntries.day });
        await recountComments(tx, [...new Set(back.map((c) => c.paperId))]);
        await logEntries(tx, backEntries, { actorId: actor.id, action: "unhide_entry", reason, details: { unban: user.username ?? user.id } });
        restored = { comments: back.length, entries: backEntries.length };
      } else {
        const [c] = await tx.select({ n: sql<number>`count(*)::int` }).from(comments).where(commentsOfBan);
        const [e] = await tx.select({ n: sql<number>`count(*)::int` }).from(dailyEntries).where(entriesOfBan);
        stillHidden = { comments: Number(c.n), entries: Number(e.n) };
      }
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: banned ? "ban_user" : "unban_user",
      targetType: "user",
      targetId: user.username ?? user.id,
      reason,
      details: banned && hideContent ? { hidden } : !banned && restoreContent ? { restored } : undefined,
    });
    return { hidden, restored, stillHidden };
  });
}

/** One log line per listing a ban took off (`ban`) or its lifting put back (`unban`), naming whose. */
async function logEntries(
  tx: Tx,
  entries: { paperId: string; day: string }[],
  { actorId, action, reason, details }: { actorId: string; action: "hide_entry" | "unhide_entry"; reason?: string; details: { ban: string } | { unban: string } },
) {
  await writeAudit(
    tx,
    entries.map((entry) => ({ actorId, action, targetType: "paper" as const, targetId: entry.paperId, reason, details: { day: entry.day, ...details } })),
  );
}

export async function setUserRole({ actor, userId, role, reason }: { actor: Actor; userId: string; role: "user" | "admin"; reason?: string }) {
  assertAdmin(actor);
  if (userId === actor.id) throw new AppError("conflict", { message: "Ask another admin to change your own role." });
  return getDb().transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.id, userId), isNull(users.deletedAt))).for("update");
    if (!user) throw new AppError("not_found", { message: "That user does not exist." });
    if (user.role === role) return { changed: false };
    await tx.update(users).set({ role }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: role === "admin" ? "promote_user" : "demote_user",
      targetType: "user",
      targetId: user.username ?? user.id,
      reason,
    });
    return { changed: true };
  });
}

/** People, for the admin's user list, newest first: search by username, name or email. */
export async function searchUsers({ query, limit = 50 }: { query: string; limit?: number }) {
  const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return getDb()
    .select({ id: users.id, username: users.username, name: users.name, email: users.email, role: users.role, bannedAt: users.bannedAt, createdAt: users.createdAt })
    .from(users)
    .where(and(isNull(users.deletedAt), query ? or(ilike(users.username, pattern), ilike(users.name, pattern), ilike(users.email, pattern)) : undefined))
    .orderBy(desc(users.createdAt), asc(users.username)) // newest first; accounts made together, by name
    .limit(limit);
}

/** What a moderator sees of a comment on /admin/comments (with `users` joined as its author). */
export const moderatedCommentColumns = {
  id: comments.id,
  paperId: comments.paperId,
  body: comments.body,
  createdAt: comments.createdAt,
  author: users.username,
};

/**
 * Comments for moderators, newest first, paged by id (`before`): every comment can be reached, not
 * only the latest page. `limit + 1` are read so the page knows whether older ones exist.
 */
export async function recentComments({ limit = 50, before }: { limit?: number; before?: number } = {}) {
  const rows = await getDb()
    .select({
      ...moderatedCommentColumns,
      hiddenAt: comments.hiddenAt,
      hiddenReason: comments.hiddenReason,
      deletedAt: comments.deletedAt,
    })
    .from(comments)
    .innerJoin(users, eq(users.id, comments.authorId))
    .where(before ? lt(comments.id, before) : undefined)
    .orderBy(desc(comments.id))
    .limit(limit + 1);
  return { comments: rows.slice(0, limit), older: rows.length > limit ? rows[limit - 1].id : null };
}

/**
 * Makes a user an admin from the command line (`npm run user:promote`). No actor: the audit row
 * records that it came from someone with shell access to the server.
 */
export async function promoteFromCommandLine({ emailOrUsername }: { emailOrUsername: string }) {
  return getDb().transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(isNull(users.deletedAt), or(eq(users.email, emailOrUsername.toLowerCase()), eq(users.username, emailOrUsername))))
      .for("update");
    if (!user) return null;
    if (user.role !== "admin") {
      await tx.update(users).set({ role: "admin" }).where(eq(users.id, user.id));
      await writeAudit(tx, { actorId: null, action: "promote_user", targetType: "user", targetId: user.username ?? user.id, reason: "npm run user:promote" });
    }
    return { username: user.username, alreadyAdmin: user.role === "admin" };
  });
}
