import type { Metadata } from "next";
import { connection } from "next/server";
import { CONFIRM_LINK_HOURS } from "@/lib/digest/confirmation-message";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Check your inbox" };

// The same answer for every address, new, pending, subscribed or not: it reveals nothing.
export default async function CheckEmailPage() {
  await connection(); // the mail setup is read at run time, not at build time
  const env = getEnv();
  const logged = !env.SMTP_URL && env.NODE_ENV !== "production";
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Check your inbox</h1>
      <p>
        If that address can receive mail, a link to confirm your subscription is on its way. It works for {CONFIRM_LINK_HOURS} hours. Nothing else is sent
        until you confirm.
      </p>
      {logged && (
        <p role="note" className="rounded-md bg-accent-50 px-3 py-2 text-sm dark:bg-zinc-900">
          This server has no mail server configured (SMTP_URL is unset), so the link was printed to the server log instead.
        </p>
      )}
      <p className="text-sm">
        <a href="/" className="text-accent-700 underline dark:text-accent-300">
          Back to today’s papers
        </a>
      </p>
    </>
  );
}
