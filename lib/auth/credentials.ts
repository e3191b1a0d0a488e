import "server-only";
import { getPasswordAccount } from "@/db/queries/users";
import { AppError } from "../errors";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SignInInput } from "./schemas";

export type CredentialsCheck = { ok: true; userId: string } | { ok: false; error: AppError };

/**
 * Checks an email and password. An unknown email, an account without a password and a wrong
 * password all give the same error after the same amount of work, so neither the message nor
 * the timing tells anyone which emails have accounts. Only someone who knows the password
 * learns that the account is suspended.
 */
export async function checkCredentials({ email, password }: SignInInput): Promise<CredentialsCheck> {
  const account = await getPasswordAccount({ email });
  const matches = account?.passwordHash ? await verifyPassword(account.passwordHash, password) : await verifyAgainstDummy(password);
  if (!account || !matches) return { ok: false, error: new AppError("invalid_credentials") };
  if (account.bannedAt) return { ok: false, error: new AppError("forbidden:banned", { message: "This account is suspended." }) };
  return { ok: true, userId: account.id };
}
