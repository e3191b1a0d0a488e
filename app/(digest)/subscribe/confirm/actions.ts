"use server";

import { redirect } from "next/navigation";
import { confirmSubscription } from "@/db/queries/subscriptions";
import { parseInput } from "@/lib/action-core";
import { ConfirmInput } from "@/lib/digest/schemas";
import { hashToken } from "@/lib/digest/tokens";

// The only write of double opt-in, and a POST: the emailed link itself (a GET) only shows the
// button, because mail scanners open links to check them.
export async function confirm(form: FormData): Promise<void> {
  const input = parseInput(ConfirmInput, form);
  const confirmed = input.ok ? await confirmSubscription({ tokenHash: hashToken(input.data.token) }) : null;
  if (!confirmed) {
    // Back to the link's page, which explains that it expired or was used.
    redirect(`/subscribe/confirm?${new URLSearchParams({ token: String(form.get("token") ?? "") })}`);
  }
  redirect(`/subscribe/confirmed?frequency=${confirmed.frequency}`);
}
