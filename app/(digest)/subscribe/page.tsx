import type { Metadata } from "next";
import { findSubscriptionByEmail } from "@/db/queries/subscriptions";
import { getCurrentUser } from "@/lib/auth/current-user";
import { digestsAvailable } from "@/lib/digest/mail-config";
import { getEnv } from "@/lib/env";
import { SubscribeForm } from "./subscribe-form";

export const metadata: Metadata = { title: "Get trending papers by email" };

export default async function SubscribePage() {
  const user = await getCurrentUser();
  const available = digestsAvailable(getEnv());
  // Only an address the reader has proven is theirs may show its subscription: anyone can sign
  // up claiming any address.
  const verifiedEmail = user?.email && user.emailVerified && !user.bannedAt ? user.email : null;
  const current = verifiedEmail ? await findSubscriptionByEmail({ email: verifiedEmail }) : null;
  const active = current?.status === "active" ? current : null;
  return (
    <>
      <header className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold tracking-tight">Trending papers in your inbox</h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          The ten most upvoted papers of the day or of the week, in one short email. Every email has a one-click unsubscribe link.
        </p>
      </header>
      {active && (
        <p role="status" className="rounded-md border border-accent-300 bg-accent-50 px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          You get the {active.frequency} digest at {verifiedEmail}. Pick another frequency below, or{" "}
          <a href={`/unsubscribe/confirm?${new URLSearchParams({ token: active.unsubscribeToken })}`} className="font-medium text-accent-700 underline dark:text-accent-300">
            unsubscribe
          </a>
          .
        </p>
      )}
      {available ? (
        <SubscribeForm accountEmail={user?.email ?? null} oneClick={Boolean(verifiedEmail)} currentFrequency={active?.frequency ?? null} />
      ) : (
        <p role="note" className="rounded-md bg-accent-50 px-3 py-2 text-sm dark:bg-zinc-900">
          Email digests are not available on this server: it has no mail server configured.
        </p>
      )}
    </>
  );
}
