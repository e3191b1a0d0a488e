import type { Metadata } from "next";
import { BackToSignIn } from "../../back-to-sign-in";
import { connection } from "next/server";
import { getEnv } from "@/lib/env";

export const metadata: Metadata = { title: "Check your email" };

export default async function CheckEmailPage() {
  await connection(); // the mail setup is read at run time, not at build time
  const env = getEnv();
  const logged = !env.SMTP_URL && env.NODE_ENV !== "production";
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Check your email</h1>
      <p>If the address can receive mail, a sign-in link is on its way. It works once, within the hour.</p>
      {logged && (
        <p role="note" className="rounded-md bg-accent-50 px-3 py-2 text-sm dark:bg-zinc-900">
          This server has no mail server configured (SMTP_URL is unset), so the link was printed to the server log instead.
        </p>
      )}
      <BackToSignIn />
    </>
  );
}
