import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import type { SessionUser } from "@/lib/auth/session-user";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../client";
import { preparedPerDb } from "../prepared";
import { uniqueViolation } from "../pg-errors";
import { comments, dailyEntries, papers, users, votes } from "../schema";

export const sessionUserColumns = {
  id: users.id,
  username: users.username,
  name: users.name,
  email: users.email,
  image: users.image,
  role: users.role,
  bannedAt: users.bannedAt,
  sessionVersion: users.sessionVersion,
  createdAt: users.createdAt,
  emailVerified: users.emailVerified,
};

/** The row behind a session, read fresh on every request (see lib/auth/current-user.ts). */
export async function getSessionUser({ id }: { id: string }): Promise<SessionUser | null> {
  const [row] = await sessionUserQuery(getDb()).execute({ id });
  return row ?? null;
}

// Most signed-in requests run this (/api/me with papers reads the same columns in its own
// statement, db/queries/votes.ts): built once (db/prepared.ts). A deleted account has no
// sessions, whatever its cookies say.
const sessionUserQuery = preparedPerDb((db) =>
  db
    .select(sessionUserColumns)
    .from(users)
    .where(and(eq(users.id, sql.placeholder("id")), isNull(users.deletedAt)))
    .limit(1)
    .prepare("session_user"),
);

/** What a password sign-in needs to know about an email address. */
export async function getPasswordAccount({ email }: { email: string }) {
  const [row] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash, bannedAt: users.bannedAt })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row ?? null;
}

export type NewPasswordUser = { username: string; name: string; email: string; passwordHash: string };

export type CreateUserResult = { ok: true; user: SessionUser } | { ok: false; taken: "username" | "email" };

/** Inserts a password account; a taken username or email comes back as a result, not an error. */
export async function createPasswordUser(input: NewPasswordUser): Promise<CreateUserResult> {
  try {
    const [user] = await getDb().insert(users).values(input).returning(sessionUserColumns);
    return { ok: true, user };
  } catch (error) {
    const constraint = uniqueViolation(error);
    if (constraint === "users_username_unique") return { ok: false, taken: "username" };
    if (constraint === "users_email_unique") return { ok: false, taken: "email" };
    throw error;
  }
}

/**
 * Ends every session of a user by moving the version their cookies must carry. With
 * `fromVersion`, only when it is still current, so ending the same session twice moves it once.
 */
export async function endSessions({ userId, fromVersion }: { userId: string; fromVersion?: number }): Promise<boolean> {
  const rows = await getDb()
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(fromVersion === undefined ? eq(users.id, userId) : and(eq(users.id, userId), eq(users.sessionVersion, fromVersion)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** `suspendedSince`: when a moderator banned the account (null when it is not banned). */
export type PublicProfile = { id: string; username: string; name: string | null; image: string | null; joinedAt: Date; suspendedSince: Date | null };

export async function getProfile({ username }: { username: string }): Promise<PublicProfile | null> {
  const [row] = await getDb()
    .select({ id: users.id, username: users.username, name: users.name, image: users.image, joinedAt: users.createdAt, suspendedSince: users.bannedAt })
    .from(users)
    .where(and(eq(users.username, username), isNull(users.deletedAt)))
    .limit(1);
  return row?.username ? { ...row, username: row.username } : null;
}

export type ProfilePaper = { id: string; title: string; upvoteCount: number; at: Date };

/** Papers the user put on the daily list (visible entries only), newest first. */
export async function getSubmittedPapers({ userId, limit = 30 }: { userId: string; limit?: number }): Promise<ProfilePaper[]> {
  return getDb()
    .select({ id: papers.id, title: papers.title, upvoteCount: papers.upvoteCount, at: dailyEntries.submittedAt })
    .from(dailyEntries)
    .innerJoin(papers, eq(papers.id, dailyEntries.paperId))
    .where(and(eq(dailyEntries.submittedById, userId), isNull(dailyEntries.hiddenAt)))
    .orderBy(desc(dailyEntries.submittedAt), desc(dailyEntries.id))
    .limit(limit);
}

/** Papers the user upvoted, most recent vote first. */
export async function getUpvotedPapers({ userId, limit = 30 }: { userId: string; limit?: number }): Promise<ProfilePaper[]> {
  return getDb()
    .select({ id: papers.id, title: papers.title, upvoteCount: papers.upvoteCount, at: votes.createdAt })
    .from(votes)
    .innerJoin(papers, eq(papers.id, votes.paperId))
    .where(eq(votes.userId, userId))
    .orderBy(desc(votes.createdAt), desc(votes.paperId))
    .limit(limit);
}

export type ProfileComment = { id: number; body: string; createdAt: Date; paperId: string; paperTitle: string };

/** The user's latest visible comments: deleted and moderator-hidden ones are left out. */
export async function getRecentComments({ userId, limit = 20 }: { userId: string; limit?: number }): Promise<ProfileComment[]> {
  return getDb()
    .select({ id: comments.id, body: comments.body, createdAt: comments.createdAt, paperId: papers.id, paperTitle: papers.title })
    .from(comments)
    .innerJoin(papers, eq(papers.id, comments.paperId))
    .where(and(eq(comments.authorId, userId), isNull(comments.deletedAt), isNull(comments.hiddenAt)))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(limit);
}

/**
 * Holds the writer's account row (for key share) for the rest of the transaction, and refuses if
 * it was deleted: a write sent just before its reader deleted the account waits for the deletion,
 * then finds no account, instead of landing on a tombstone.
 */
export async function lockLiveAccount(tx: Tx, userId: string): Promise<void> {
  const [live] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), isNull(users.deletedAt)))
    .for("key share");
  if (!live) throw accountGone();
}

export function accountGone(): AppError {
  return new AppError("unauthorized", { message: "Your account no longer exists." });
}
