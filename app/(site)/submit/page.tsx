import type { Metadata } from "next";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isBanned } from "@/lib/auth/session-user";
import { getEnv } from "@/lib/env";
import { SubmitForm } from "./submit-form";

export const metadata: Metadata = { title: "Submit a paper" };

export default async function SubmitPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  await connection();
  const [user, { id }] = await Promise.all([getCurrentUser(), searchParams]);
  const env = getEnv();
  return (
    <section aria-labelledby="submit-heading" className="flex max-w-xl flex-col gap-4">
      <h1 id="submit-heading" className="text-2xl font-bold tracking-tight">
        Submit a paper
      </h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Found a paper worth reading? Put it on today&apos;s list. Paste its arXiv ID or link; we fetch the title, authors and abstract
        from arXiv. Papers published in the last {env.SUBMISSION_MAX_AGE_DAYS} days only; {env.SUBMISSIONS_PER_DAY} submissions a day.
      </p>
      {user && isBanned(user) ? (
        // Said before anything is typed: the action would refuse it anyway.
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900">Your account is suspended, so you cannot submit papers.</p>
      ) : user ? (
        <SubmitForm initialValue={(id ?? "").slice(0, 300)} />
      ) : (
        <p>
          <a className="underline" href={`/signin?callbackUrl=${encodeURIComponent(`/submit${id ? `?id=${id}` : ""}`)}`}>
            Sign in
          </a>{" "}
          to submit a paper.
        </p>
      )}
    </section>
  );
}
