import "server-only";
import { cache } from "react";
import { z } from "zod";
import { getSessionUser } from "@/db/queries/users";
import { getSessionUserWithPaperVotes, type ReaderPaperVotes } from "@/db/queries/votes";
import { cookies } from "next/headers";
import { authSecret, getEnv } from "../env";
import { readSessionClaims } from "./session-cookie";
import { claimsMatch, effectiveRole, type SessionClaims, type SessionUser } from "./session-user";

// What lib/auth/config.ts's session callback puts in Auth.js's session (its /api/auth/session answer).
const SessionShape = z.object({ user: z.object({ id: z.string().min(1) }), sessionVersion: z.number().int() });

export function claimsOf(session: unknown): SessionClaims | null {
  const parsed = SessionShape.safeParse(session);
  return parsed.success ? { userId: parsed.data.user.id, sessionVersion: parsed.data.sessionVersion } : null;
}

/**
 * The user behind a session's claims, read from the database: null when the row is gone or its
 * session version moved on (the user signed out since the cookie was issued).
 */
export async function loadSessionUser(claims: SessionClaims | null): Promise<SessionUser | null> {
  if (!claims) return null;
  return sessionUserOf(claims, await getSessionUser({ id: claims.userId }));
}

/** The users row as the session's user, if the claims still hold for it (its role as the environment may raise it). */
function sessionUserOf(claims: SessionClaims, row: SessionUser | null): SessionUser | null {
  return row && claimsMatch(claims, row) ? { ...row, role: effectiveRole(row, getEnv().ADMIN_EMAILS) } : null;
}

/** What this request's session cookie claims, decoded once per request (lib/auth/session-cookie.ts). */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => readSessionClaims((await cookies()).getAll(), authSecret(getEnv())));

/** The signed-in user for this request, or null; one database read per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => loadSessionUser(await getSessionClaims()));

/**
 * The signed-in user and, when there is one, their upvotes and the counts of `paperIds`: /api/me's
 * whole read, one statement for both (db/queries/votes.ts getSessionUserWithPaperVotes).
 */
export async function getCurrentUserWithPaperVotes(paperIds: string[]): Promise<SessionUserWithPaperVotes> {
  const claims = await getSessionClaims();
  if (!claims || paperIds.length === 0) return { user: await getCurrentUser() };
  return loadSessionUserWithPaperVotes(claims, paperIds);
}

type SessionUserWithPaperVotes = { user: SessionUser | null; votes?: ReaderPaperVotes };

/** As loadSessionUser, with the reader's votes on `paperIds` read alongside and given only when the claims hold. */
export async function loadSessionUserWithPaperVotes(claims: SessionClaims, paperIds: string[]): Promise<SessionUserWithPaperVotes> {
  const { row, votes } = await getSessionUserWithPaperVotes({ userId: claims.userId, paperIds });
  const user = sessionUserOf(claims, row);
  return user ? { user, votes } : { user: null };
}
