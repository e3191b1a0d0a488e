import "server-only";
import { and, eq, gt, isNotNull, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb } from "../client";
import { uniqueViolation } from "../pg-errors";
import { emailChanges, users, verificationTokens } from "../schema";

// A reader moving their account to another address (lib/auth/email-change.ts): the request waits
// here until the link mailed to the new address is used by the same account.

/**
 * Whether another account has proven it reads this address. An account that only claimed it (a
 * sign-up never confirmed) does not hold it against one that proves it: as at the first email
 * sign-in (db/queries/auth-adapter.ts), proving an address beats claiming it. Addresses from
 * GitHub or Hugging Face keep their case, so the comparison ignores it.
 */
export async function emailBelongsToAnother({ email, userId }: { email: string; userId: string }): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(and(sameAddress(email), ne(users.id, userId), isNotNull(users.emailVerified)))
    .limit(1);
  return Boolean(row);
}

const sameAddress = (email: string) => sql`lower(${users.email}) = ${email.toLowerCase()}`;

/** Records the request, replacing an earlier one (and so voiding its link). */
export async function recordEmailChange({ userId, newEmail, tokenHash, expiresAt }: { userId: string; newEmail: string; tokenHash: string; expiresAt: Date }): Promise<void> {
  await getDb()
    .insert(emailChanges)
    .values({ userId, newEmail, tokenHash, expiresAt })
    .onConflictDoUpdate({ target: emailChanges.userId, set: { newEmail, tokenHash, expiresAt, createdAt: new Date() } });
}

/**
 * The address this account asked to move to and has not confirmed yet, if the link still works.
 * `tokenHash`: only if that is the link (the page that asks "use this address?"); null: any link
 * (the settings page). Never optional, so a caller cannot forget it and match any link.
 */
export async function pendingEmailChange({ userId, tokenHash, now = new Date() }: { userId: string; tokenHash: string | null; now?: Date }): Promise<string | null> {
  const [row] = await getDb()
    .select({ newEmail: emailChanges.newEmail })
    .from(emailChanges)
    .where(and(eq(emailChanges.userId, userId), tokenHash === null ? undefined : eq(emailChanges.tokenHash, tokenHash), gt(emailChanges.expiresAt, now)))
    .limit(1);
  return row?.newEmail ?? null;
}

/**
 * Uses a confirmation link: the account signs in with the new address from now on, proven by the
 * link. The link works once, only for the account that asked, and only before it expires.
 */
export async function applyEmailChange({ userId, tokenHash, now = new Date() }: { userId: string; tokenHash: string; now?: Date }): Promise<{ oldEmail: string | null; newEmail: string }> {
  try {
    return await getDb().transaction(async (tx) => {
      const [change] = await tx
        .delete(emailChanges)
        .where(and(eq(emailChanges.userId, userId), eq(emailChanges.tokenHash, tokenHash), gt(emailChanges.expiresAt, now)))
        .returning({ newEmail: emailChanges.newEmail });
      if (!change) throw new AppError("not_found", { message: "This link no longer works: it was used, replaced by a newer one, or it expired. Ask again in your account settings." });
      const [before] = await tx
        .select({ email: users.email })
        .from(users)
        .where(and(eq(users.id, userId), isNull(users.deletedAt)))
        .for("update");
      if (!before) throw new AppError("not_found", { message: "That account does not exist." });
      // An account that claimed the address without proving it lets go of it (and its sessions end):
      // this reader just proved it. One that proved it keeps it, and the change is refused.
      const [holder] = await tx
        .select({ id: users.id, emailVerified: users.emailVerified })
        .from(users)
        .where(and(sameAddress(change.newEmail), ne(users.id, userId)))
        .for("update");
      if (holder?.emailVerified) throw takenError();
      if (holder) await tx.update(users).set({ email: null, sessionVersion: sql`${users.sessionVersion} + 1` }).where(eq(users.id, holder.id));
      await tx.update(users).set({ email: change.newEmail, emailVerified: now }).where(eq(users.id, userId));
      // Sign-in links already mailed to the old address would make a new, empty account there.
      if (before.email) await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, before.email));
      return { oldEmail: before.email, newEmail: change.newEmail };
    });
  } catch (error) {
    if (uniqueViolation(error) === "users_email_unique") throw takenError();
    throw error;
  }
}

function takenError(): AppError {
  return new AppError("conflict", { message: "Another account signs in with that address now, so it cannot be yours too." });
}
