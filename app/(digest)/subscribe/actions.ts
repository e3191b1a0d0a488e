"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { parseInput } from "@/lib/action-core";
import { getCurrentUser } from "@/lib/auth/current-user";
import { clientIp } from "@/lib/client-ip";
import { digestsAvailable, mailConfigFromEnv } from "@/lib/digest/mail-config";
import { smtpMailer } from "@/lib/digest/mailer";
import { SubscribeInput } from "@/lib/digest/schemas";
import { requestSubscription, type SubscribeOutcome } from "@/lib/digest/subscribe";
import { getEnv } from "@/lib/env";
import { AppError, type ErrorPayload } from "@/lib/errors";

// Open to everyone, signed in or not, so it does not go through lib/action.ts (which requires a
// session); it parses with zod the same way and maps failures to the same typed errors.

export type SubscribeFormState = { error: ErrorPayload; values: { email: string; frequency: string } } | null;

export async function subscribe(_previous: SubscribeFormState, form: FormData): Promise<SubscribeFormState> {
  const values = { email: String(form.get("email") ?? ""), frequency: String(form.get("frequency") ?? "") };
  const input = parseInput(SubscribeInput, form);
  if (!input.ok) return { error: input.error, values };

  const env = getEnv();
  const config = mailConfigFromEnv(env);
  if (!digestsAvailable(env)) {
    return { error: { code: "internal", message: "Email digests are not available on this server." }, values };
  }
  const mailer = config.smtpUrl ? smtpMailer(config.smtpUrl) : null;
  let outcome: SubscribeOutcome;
  try {
    outcome = await requestSubscription({ ...input.data, user: await getCurrentUser(), ip: clientIp(await headers()), config, mailer });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "internal") console.error("[digest] subscription request failed:", error.cause ?? error);
    return { error: error.toPayload(), values };
  } finally {
    mailer?.close();
  }
  redirect(outcome === "subscribed" ? `/subscribe/confirmed?frequency=${input.data.frequency}` : "/subscribe/check-email");
}
