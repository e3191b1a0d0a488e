import "server-only";
import { getPasswordHash } from "@/db/queries/account-settings";
import { AppError, friendlyMessage } from "../errors";
import { verifyPassword } from "./password";
import { allowCurrentPasswordCheck, forgiveCurrentPasswordCheck } from "./sign-in-limits";

/**
 * An account with a password must prove it knows it before the password or address changes or
 * the account goes; one made by email link or GitHub has none to prove, and its session is the proof. Guesses
 * here are limited as at sign-in, or a borrowed session could try passwords without end.
 */
export async function proveCurrentPassword(userId: string, current: string | undefined): Promise<void> {
  const existing = await getPasswordHash({ userId });
  if (!existing) return;
  // Left empty: nothing was guessed, so nothing is counted.
  if (!current) throw new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { current: ["Enter your password."] } });
  if (!(await allowCurrentPasswordCheck(userId))) throw new AppError("rate_limited", { message: "Too many wrong passwords. Please wait a few minutes and try again." });
  if (!(await verifyPassword(existing, current))) {
    throw new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { current: ["That is not your current password."] } });
  }
  await forgiveCurrentPasswordCheck(userId);
}

