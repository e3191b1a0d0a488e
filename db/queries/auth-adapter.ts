import "server-only";
import { DrizzleAdapter } from "@auth/drizzle-adapter";
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
  };
}
