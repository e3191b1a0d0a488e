import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "../client";
import { users } from "../schema";

// What a reader changes about their own account (app/(auth)/settings). Every function takes the
// id of the signed-in user from the session, never from the form.

export async function renameUser({ userId, name }: { userId: string; name: string }): Promise<void> {
  await getDb().update(users).set({ name }).where(eq(users.id, userId));
}

export async function getPasswordHash({ userId }: { userId: string }): Promise<string | null> {
  const [row] = await getDb().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.passwordHash ?? null;
}

/**
 * Sets a new password and, in the same statement, ends every session (the version cookies must
 * carry moves on): whoever knew the old password, or holds an old cookie, is out.
 */
export async function replacePassword({ userId, passwordHash }: { userId: string; passwordHash: string }): Promise<void> {
  await getDb()
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
