"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { deleteAccount } from "@/db/queries/account-deletion";
import { getPasswordHash, renameUser, replacePassword } from "@/db/queries/account-settings";
import { action, type ActionResult } from "@/lib/action";
import { paperPath } from "@/lib/arxiv-id";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-rules";
import { allowCurrentPasswordCheck, forgiveCurrentPasswordCheck, forgiveSignInAttempt } from "@/lib/auth/sign-in-limits";
import { clientIp } from "@/lib/client-ip";
import { DeleteAccountInput, NewPasswordInput, RenameInput } from "@/lib/auth/settings-schemas";
import { AppError, friendlyMessage } from "@/lib/errors";

export type SettingsState = ActionResult<{ saved: string }> | null;

const rename = action(RenameInput, async ({ name }, user) => {
  await renameUser({ userId: user.id, name });
  if (user.username) revalidatePath(`/u/${user.username}`);
  return { saved: "Your display name is saved." };
});

export async function renameAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  return rename(form);
}

/**
 * An account with a password must prove it knows it before the password changes or the account
 * goes; one made by email link or GitHub has none to prove, and its session is the proof. Guesses
 * here are limited as at sign-in, or a borrowed session could try passwords without end.
 */
async function proveCurrentPassword(userId: string, current: string | undefined): Promise<void> {
  const existing = await getPasswordHash({ userId });
  if (!existing) return;
  if (!(await allowCurrentPasswordCheck(userId))) throw new AppError("rate_limited", { message: "Too many wrong passwords. Please wait a few minutes and try again." });
  if (!(current && (await verifyPassword(existing, current)))) {
    throw new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { current: ["That is not your current password."] } });
  }
  await forgiveCurrentPasswordCheck(userId);
}

const changePassword = action(NewPasswordInput, async ({ current, password }, user) => {
  if (!user.email) throw new AppError("invalid_input", { message: "Passwords work with an email address, and this account has none." });
  const problems = passwordProblems(password, { email: user.email, username: user.username });
  if (problems.length > 0) throw new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { password: problems } });
  await proveCurrentPassword(user.id, current);
  const attempt = { email: user.email, ip: clientIp(await headers()) };
  await replacePassword({ userId: user.id, passwordHash: await hashPassword(password) });
  // Every session just ended, this one too: sign this browser in again with the new password. The
  // reader has just proved who they are, so someone else's wrong guesses on this address must not
  // lock them out of that: one hit is taken back first, and the sign-in's own hit goes back too.
  await forgiveSignInAttempt(attempt);
  try {
    await signIn("credentials", { email: user.email, password, redirectTo: "/settings?saved=password" });
  } catch (error) {
    if (error instanceof AuthError) throw new AppError("internal", { message: "Your password is changed, but signing you in again failed. Sign in with the new password." });
    throw error; // the redirect
  }
  return { saved: "Your password is changed." };
});

export async function passwordAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  return changePassword(form);
}

const removeAccount = action(DeleteAccountInput, async ({ confirm, current }, user) => {
  // Typing the name is the "are you sure"; the password (when there is one) proves it is the owner.
  const name = user.username ?? user.email;
  if (!name || confirm.trim() !== name) {
    throw new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { confirm: [`Type ${name ?? "your username"} exactly, to confirm.`] } });
  }
  await proveCurrentPassword(user.id, current);
  const deleted = await deleteAccount({ userId: user.id });
  for (const paperId of deleted.paperIds) revalidatePath(paperPath(paperId));
  if (user.username) revalidatePath(`/u/${user.username}`);
  // This browser's cookie goes too; it lands, signed out, on app/(auth)/account-deleted.
  await signOut({ redirectTo: "/account-deleted" }); // ends in a redirect
  return { saved: "Your account is deleted." };
});

export async function deleteAccountAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  return removeAccount(form);
}
