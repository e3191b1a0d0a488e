// What we accept as a password. Length matters most; we also refuse passwords built from the
// account's own public-ish identifiers, the first things an attacker tries.

export const PASSWORD_MIN_LENGTH = 10;
// Hashing cost grows with length: cap it so a megabyte "password" cannot tie up the server.
export const PASSWORD_MAX_LENGTH = 256;

const MIN_DISTINCT_CHARACTERS = 5;

// Very short identifiers ("al") turn up inside unrelated passwords; refusing those would be noise.
const MIN_IDENTIFIER_LENGTH = 3;

export type PasswordContext = { email?: string | null; username?: string | null };

/** Every rule the password breaks, as messages for the password field; empty when it is fine. */
export function passwordProblems(password: string, { email, username }: PasswordContext = {}): string[] {
  const problems: string[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push(`Use at least ${PASSWORD_MIN_LENGTH} characters.`);
  if (password.length > PASSWORD_MAX_LENGTH) problems.push(`Use at most ${PASSWORD_MAX_LENGTH} characters.`);
  // Ten spaces or "aaaaaaaaaa" are long enough and guessed first.
  if (password.length >= PASSWORD_MIN_LENGTH && new Set(password.replace(/\s/g, "")).size < MIN_DISTINCT_CHARACTERS) {
    problems.push(`Use at least ${MIN_DISTINCT_CHARACTERS} different characters, not counting spaces.`);
  }

  const lowered = password.toLowerCase();
  const localPart = email?.split("@")[0]?.trim().toLowerCase() ?? "";
  if (localPart.length >= MIN_IDENTIFIER_LENGTH && lowered.includes(localPart)) {
    problems.push("Do not use your email address in your password.");
  }
  const name = username?.trim().toLowerCase() ?? "";
  if (name.length >= MIN_IDENTIFIER_LENGTH && lowered.includes(name)) {
    problems.push("Do not use your username in your password.");
  }
  return problems;
}
