import type { DigestFrequency } from "@/db/schema";
import { escapeHtml } from "./escape-html";

export const CONFIRM_LINK_HOURS = 48;

/** The double opt-in mail. It says nothing about whether the address was subscribed before. */
export function confirmationMessage({ frequency, url }: { frequency: DigestFrequency; url: string }) {
  const ask = `Someone, hopefully you, asked for the ${frequency} digest of trending papers on Paperboard at this address.`;
  const ignore = `The link works for ${CONFIRM_LINK_HOURS} hours. If you did not ask for it, ignore this email: nothing more will be sent.`;
  const text = `${ask}\n\nConfirm by opening this link and pressing “Confirm”:\n\n${url}\n\n${ignore}\n`;
  const html =
    `<p>${escapeHtml(ask)}</p>` +
    `<p><a href="${escapeHtml(url)}">Confirm your subscription</a></p>` +
    `<p>${escapeHtml(ignore)}</p>`;
  return { subject: "Confirm your Paperboard digest", text, html };
}
