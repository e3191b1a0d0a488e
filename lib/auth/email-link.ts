import "server-only";
import { createTransport } from "nodemailer";
import Nodemailer from "next-auth/providers/nodemailer";
import type { Env } from "../env";

// Passwordless sign-in: Auth.js stores a hashed one-time token in verification_tokens and we
// send the link. Without SMTP_URL outside production the link goes to the server log, so the
// demo works with no mail server; in production without SMTP the option is not offered at all.
//
// The link in the mail opens /signin/confirm, a page with a "Sign in" button, not Auth.js's
// callback itself: mail scanners (Safe Links, Proofpoint, …) open every link in a message, and
// the callback spends the one-time token on the first GET, so the reader's own click then found
// it used. Only pressing the button goes on to the callback.

const LINK_LIFETIME_SECONDS = 60 * 60;

export const EMAIL_LINK_CONFIRM_PATH = "/signin/confirm";
/** Where the confirmation page's button goes: Auth.js's callback for the Nodemailer provider. */
export const EMAIL_LINK_CALLBACK_PATH = "/api/auth/callback/nodemailer";

export function emailLinkEnabled(env: Env): boolean {
  return Boolean(env.SMTP_URL) || env.NODE_ENV !== "production";
}

export function emailLinkProvider(env: Env) {
  const smtpUrl = env.SMTP_URL;
  return Nodemailer({
    // The provider insists on a server even when we only log the link; it is never dialled then.
    server: smtpUrl ?? "smtp://127.0.0.1:25",
    from: env.EMAIL_FROM,
    maxAge: LINK_LIFETIME_SECONDS,
    async sendVerificationRequest({ identifier, url: callbackUrl }) {
      const url = confirmationLink(callbackUrl);
      if (!smtpUrl) {
        console.info(`[auth] Email sign-in link for ${identifier} (SMTP_URL is unset, so it is logged instead of sent):\n${url}`);
        return;
      }
      const message = signInMessage(url);
      const result = await createTransport(smtpUrl).sendMail({ to: identifier, from: env.EMAIL_FROM, ...message });
      const failed = [...(result.rejected ?? []), ...(result.pending ?? [])];
      if (failed.length > 0) throw new Error(`The sign-in email to ${failed.join(", ")} was not accepted`);
    },
  });
}

/** Auth.js's callback URL (…/api/auth/callback/nodemailer?callbackUrl&token&email) as our confirmation page's. */
export function confirmationLink(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  return new URL(`${EMAIL_LINK_CONFIRM_PATH}${url.search}`, url.origin).toString();
}

export function signInMessage(url: string): { subject: string; text: string; html: string } {
  const minutes = LINK_LIFETIME_SECONDS / 60;
  const text =
    `Sign in to Paperboard by opening this link:\n\n${url}\n\n` +
    `It works once, for the next ${minutes} minutes. If you did not ask for it, ignore this email.\n`;
  const href = escapeHtml(url);
  const html =
    `<p>Sign in to Paperboard by opening this link:</p>` +
    `<p><a href="${href}">Sign in to Paperboard</a></p>` +
    `<p>It works once, for the next ${minutes} minutes. If you did not ask for it, ignore this email.</p>`;
  return { subject: "Your Paperboard sign-in link", text, html };
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
