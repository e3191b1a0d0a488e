"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { applyEmailChange } from "@/db/queries/email-changes";
import { action, type ActionResult } from "@/lib/action";
import { emailChangedNotice } from "@/lib/auth/email-change";
import { mailConfigFromEnv } from "@/lib/digest/mail-config";
import { withMailer } from "@/lib/digest/mailer";
import { hashToken, TokenInput } from "@/lib/digest/tokens";
import { getEnv } from "@/lib/env";

const confirm = action(z.object({ token: TokenInput }), async ({ token }, user) => {
  // The link proves the new inbox; the session proves it is the account that asked.
  const { oldEmail, newEmail } = await applyEmailChange({ userId: user.id, tokenHash: hashToken(token) });
  if (oldEmail) await tellOldAddress(oldEmail, user.username ?? user.name ?? newEmail, newEmail);
  redirect("/settings?saved=email");
});

/** Best effort: the change is made whether or not the old inbox can be told. */
async function tellOldAddress(oldEmail: string, username: string, newEmail: string): Promise<void> {
  const config = mailConfigFromEnv(getEnv());
  try {
    await withMailer(config.smtpUrl, async (mailer) => {
      await mailer?.send({ to: oldEmail, from: config.from, ...emailChangedNotice({ username, newEmail }) });
    });
  } catch (error) {
    console.error("[account] Could not tell the old address about an address change:", error);
  }
}

export async function confirmEmailChangeAction(_previous: ActionResult<never> | null, form: FormData): Promise<ActionResult<never> | null> {
  return confirm(form);
}
