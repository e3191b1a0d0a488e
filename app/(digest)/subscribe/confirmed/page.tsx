import type { Metadata } from "next";
import { Frequency } from "@/lib/digest/schemas";
import { first, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "You are subscribed" };

const WHEN = {
  daily: "Your next digest arrives tomorrow morning (UTC), with the day’s most upvoted papers.",
  weekly: "Your next digest arrives on Monday, with the week’s most upvoted papers.",
};

export default async function ConfirmedPage({ searchParams }: { searchParams: SearchParams }) {
  const frequency = Frequency.safeParse(first((await searchParams).frequency));
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">You are subscribed</h1>
      <p role="status">{frequency.success ? WHEN[frequency.data] : "Your next digest arrives when the current period closes."}</p>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">Every digest has a one-click unsubscribe link at the bottom.</p>
      <p className="text-sm">
        <a href="/" className="font-medium text-accent-700 underline dark:text-accent-300">
          Back to today’s papers
        </a>
      </p>
    </>
  );
}
