import "server-only";
import { emailBelongsToAnother, recordEmailChange } from "@/db/queries/email-changes";
import { allowConfirmationMail, enforceSubscribeIpLimit } from "../digest/subscribe-limits";
import { escapeHtml } from "../digest/escape-html";
import type { DigestMailConfig } from "../digest/mail-config";
import type { Mailer } from "../digest/mailer";
import { hashToken, newToken } from "../digest/tokens";
import { AppError, friendlyMessage } from "../errors";
import { proveCurrentPassword } from "./current-password";
import type { SessionUser } from "./session-user";

// Moving an account to another address. The new address must be proven, as at sign-up by link:
// otherwise anyone signed in could claim someone else's address (and with it that person's
// digest, or an admin address listed in ADMIN_EMAILS). The account signs in with its old address
// until the link mailed to the new one is used, by the same account.

export const EMAIL_CHANGE_LINK_HOURS = 24;
export const EMAIL_CHANGE_PATH = "/settings/email";

export function emailChangeUrl(config: Pick<DigestMailConfig, "siteUrl">, token: string): string {
  return `${config.siteUrl}${EMAIL_CHANGE_PATH}?${new URLSearchParams({ token })}`;
}

export function emailChangeMessage({ username, url }: { username: string; url: string }) {
  const ask = `Someone signed in to Paperboard as ${username}, hopefully you, asked to sign in with this address from now on.`;
  const ignore = `The link works for ${EMAIL_CHANGE_LINK_HOURS} hours, once, and only for that account. If you did not ask for it, ignore this email: nothing changes.`;
  const text = `${ask}\n\nConfirm by opening this link and pressing “Use this address”:\n\n${url}\n\n${ignore}\n`;
  const html = `<p>${escapeHtml(ask)}</p><p><a href="${escapeHtml(url)}">Use this address for my account</a></p><p>${escapeHtml(ignore)}</p>`;
  return { subject: "Confirm your new Paperboard address", text, html };
}

/** Asks to move the account to `newEmail`: checks, records, and mails the link there. */
export async function requestEmailChange({
  user,
  newEmail,
  current,
  ip,
  config,
  mailer,
  now = new Date(),
}: {
  user: SessionUser;
  newEmail: string;
  current: string | undefined;
  ip: string | null;
  config: DigestMailConfig;
  /** Null when no mail server is configured; the link is then logged (development only). */
  mailer: Mailer | null;
  now?: Date;
}): Promise<void> {
  const refuse = (message: string) => new AppError("invalid_input", { message: friendlyMessage("invalid_input"), fieldErrors: { email: [message] } });
  if (user.email === newEmail) throw refuse("That is already your address.");
  // Each request mails someone: counted per network as digest confirmations are.
  await enforceSubscribeIpLimit({ ip, now });
  await proveCurrentPassword(user.id, current);
  // Sign-up says so too: an address has one account.
  if (await emailBelongsToAnother({ email: newEmail, userId: user.id })) throw refuse("Another account signs in with that address.");
  if (!(await allowConfirmationMail({ email: newEmail, now }))) {
    throw new AppError("rate_limited", { message: "Several emails went to that address in the last hour. Try again later." });
  }

  const token = newToken();
  await recordEmailChange({ userId: user.id, newEmail, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + EMAIL_CHANGE_LINK_HOURS * 3_600_000) });
  const url = emailChangeUrl(config, token);
  if (!mailer) {
    console.info(`[account] Address confirmation link for ${newEmail} (SMTP_URL is unset, so it is logged instead of sent):\n${url}`);
    return;
  }
  try {
    await mailer.send({ to: newEmail, from: config.from, ...emailChangeMessage({ username: user.username ?? user.name ?? "your account", url }) });
  } catch (error) {
    throw new AppError("internal", { message: "We could not send the confirmation email just now. Please try again in a few minutes.", cause: error });
  }
}

/** Sent to the old address once the change is made: the owner hears of it even if it was not them. */
export function emailChangedNotice({ username, newEmail }: { username: string; newEmail: string }) {
  const said = `The Paperboard account ${username} now signs in with ${newEmail} instead of this address.`;
  const ifNot = "If you did not make this change, someone else is signed in to your account: tell the site's admins.";
  return { subject: "Your Paperboard address was changed", text: `${said}\n\n${ifNot}\n`, html: `<p>${escapeHtml(said)}</p><p>${escapeHtml(ifNot)}</p>` };
}
