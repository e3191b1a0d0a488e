"use server";

import { AuthError } from "next-auth";
import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { deleteAccount } from "@/db/queries/account-deletion";
import { renameUser, replacePassword } from "@/db/queries/account-settings";
import { action, type ActionResult } from "@/lib/action";
import { paperPath } from "@/lib/arxiv-id";
import { signIn, signOut } from "@/lib/auth";
import { hashPassword } from "@/lib/auth/password";
import { passwordProblems } from "@/lib/auth/password-rules";
import { proveCurrentPassword } from "@/lib/auth/current-password";
import { forgiveSignInAttempt } from "@/lib/auth/sign-in-limits";
import { clientIp } from "@/lib/client-ip";
import { DeleteAccountInput, EmailChangeInput, NewPasswordInput, RenameInput } from "@/lib/auth/settings-schemas";
import { requestEmailChange } from "@/lib/auth/email-change";
import { digestsAvailable, mailConfigFromEnv } from "@/lib/digest/mail-config";
import { withMailer } from "@/lib/digest/mailer";
import { getEnv } from "@/lib/env";
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

const changeEmail = action(EmailChangeInput, async ({ email, current }, user) => {
  const env = getEnv();
  // Outside production without a mail server the link goes to the server log, as sign-in links do.
  if (!digestsAvailable(env)) throw new AppError("unavailable", { message: "This server sends no email, so the address cannot be changed here." });
  const config = mailConfigFromEnv(env);
  const ip = clientIp(await headers());
  await withMailer(config.smtpUrl, (mailer) => requestEmailChange({ user, newEmail: email, current, ip, config, mailer }));
  revalidatePath("/settings");
  return { saved: `We sent a link to ${email}. Open it to finish; until then you sign in with ${user.email ?? "your current address"}.` };
});

export async function emailAction(_previous: SettingsState, form: FormData): Promise<SettingsState> {
  return changeEmail(form);
}
