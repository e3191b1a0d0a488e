// The signed-in user as every request sees it: read from the users row on each request, never
// from the session cookie, so a ban, a demotion or a sign-out counts from the next request on.

export type Role = "user" | "admin";

export type SessionUser = {
  id: string;
  username: string | null;
  name: string | null;
  email: string | null;
  image: string | null;
  role: Role;
  bannedAt: Date | null;
  sessionVersion: number;
  /** Young accounts get tighter rate limits. */
  createdAt: Date;
};

/** What the session cookie claims; only trusted once the users row agrees. */
export type SessionClaims = { userId: string; sessionVersion: number };

export function isBanned(user: Pick<SessionUser, "bannedAt">): boolean {
  return user.bannedAt !== null;
}

export function hasRole(user: Pick<SessionUser, "role">, role: Role): boolean {
  // Admins can do everything a user can; nothing ranks above admin.
  return role === "user" || user.role === "admin";
}

/** A cookie is honoured only while it carries the row's current session version. */
export function claimsMatch(claims: SessionClaims, row: Pick<SessionUser, "id" | "sessionVersion">): boolean {
  return claims.userId === row.id && claims.sessionVersion === row.sessionVersion;
}
