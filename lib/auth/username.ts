import { z } from "zod";

// Usernames are public handles in URLs (/u/alice): short, lowercase, and unable to impersonate
// the site or shadow one of its routes.

export const USERNAME_MIN_LENGTH = 3;
export const USERNAME_MAX_LENGTH = 24;

const USERNAME_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;

export const RESERVED_USERNAMES: ReadonlySet<string> = new Set([
  "admin", "administrator", "api", "auth", "root", "system", "staff", "support", "help", "security",
  "moderator", "moderators", "mod", "mods", "paperboard", "official", "team", "about", "settings",
  "signin", "signup", "signout", "login", "logout", "register", "account", "accounts", "me", "u",
  "user", "users", "papers", "paper", "search", "new", "edit", "null", "undefined", "anonymous",
  "deleted", "www", "mail", "email", "noreply", "no-reply", "postmaster",
]);

export const Username = z
  .string()
  .trim()
  // A wrong length is the one thing to say: an empty or too-short name also fails the pattern,
  // and two messages for one mistake read as two mistakes.
  .min(USERNAME_MIN_LENGTH, { message: `Use at least ${USERNAME_MIN_LENGTH} characters.`, abort: true })
  .max(USERNAME_MAX_LENGTH, { message: `Use at most ${USERNAME_MAX_LENGTH} characters.`, abort: true })
  .regex(USERNAME_PATTERN, "Use lowercase letters, digits, hyphens and underscores, starting with a letter or digit.")
  .refine((name) => !RESERVED_USERNAMES.has(name), "That username is reserved.");

export function isValidUsername(name: string): boolean {
  return Username.safeParse(name).success;
}

/**
 * A valid username made from whatever a provider tells us (a GitHub login, a display name, an
 * email address). Not yet checked for being taken: see usernameCandidates.
 */
export function baseUsername(seed: string | null | undefined): string {
  const cleaned = (seed ?? "")
    .split("@")[0]
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // accents go, their letters stay: "José" → "jose"
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/[-_]{2,}/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, USERNAME_MAX_LENGTH - 5) // room for a "-1234" suffix
    .replace(/[-_]+$/g, "");
  if (cleaned.length < USERNAME_MIN_LENGTH) return cleaned ? `${cleaned}-reader` : "reader";
  return RESERVED_USERNAMES.has(cleaned) ? `${cleaned}-reader` : cleaned;
}

/** Names to try in order: the base, then the base with numeric suffixes. All valid. */
export function usernameCandidates(seed: string | null | undefined, random: () => number = Math.random, count = 8): string[] {
  const base = baseUsername(seed);
  const suffixed = Array.from({ length: count - 1 }, () => `${base}-${1000 + Math.floor(random() * 9000)}`);
  return [...new Set([base, ...suffixed])];
}
