import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { usernameCandidates } from "@/lib/auth/username";
import { getDb } from "../client";
import { uniqueViolation } from "../pg-errors";
import { accounts, sessions, users, verificationTokens } from "../schema";

/**
 * The Auth.js adapter over our tables. Users that arrive through GitHub, Hugging Face or an email
 * link get a derived, de-duplicated username, and only the columns named here are written, so a
 * provider's profile can never set a role or a ban.
 */
export function createAuthAdapter(): Adapter & Required<Pick<Adapter, "createUser">> {
  const db = getDb();
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async createUser(data) {
      // A provider's handle or a display name is public already; an email address is not, so
      // people who arrive by email link get "reader-1234" rather than a piece of their address.
      const seed = (data as AdapterUser & { username?: string | null }).username ?? data.name;
      const candidates = seed ? usernameCandidates(seed) : usernameCandidates("reader").slice(1);
      for (const username of candidates) {
        try {
          const [row] = await db
            .insert(users)
            .values({ username, name: data.name ?? null, email: data.email, emailVerified: data.emailVerified, image: data.image ?? null })
            .returning();
          return row as AdapterUser;
        } catch (error) {
          if (uniqueViolation(error) !== "users_username_unique") throw error;
        }
      }
      throw new Error(`No free username among ${candidates.join(", ")}`);
    },
    async updateUser(data) {
      if (data.emailVerified) await distrustUnverifiedPassword(data.id);
      return base.updateUser!(data);
    },
  };
}

/**
 * Auth.js marks an address verified when an email link to it is followed. If the account has a
 * password but the address was never verified, whoever set that password never proved the address
 * was theirs: anyone can sign up with someone else's address before they join ("pre-hijacking"),
 * and would keep password access, and any session, to the account its owner then signs in to by
 * link. So the first verification drops the password and ends every session but the one being
 * made: from then on the owner signs in by email link. Accounts already verified are untouched.
 */
async function distrustUnverifiedPassword(userId: string): Promise<void> {
  await getDb()
    .update(users)
    .set({ passwordHash: null, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), isNull(users.emailVerified), sql`${users.passwordHash} is not null`));
}
