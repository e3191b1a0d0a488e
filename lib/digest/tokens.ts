import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";

// Links in mails carry 256-bit random tokens. Confirmation tokens are stored only as their
// SHA-256 (a leaked table confirms nothing); a plain hash suffices because the token is random,
// not a password that could be guessed.

const TOKEN_BYTES = 32;

export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A token as it arrives in a link or form; anything else is refused before touching the database. */
export const TokenInput = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "This link is incomplete. Open it from the email again.");
