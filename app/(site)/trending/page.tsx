import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTrending } from "@/db/queries/trending";
import { TRENDING } from "@/lib/trending";
import { PaperList } from "@/components/paper-list";
import { TrendingFormula } from "@/components/trending/trending-formula";
import { WhyHere } from "@/components/trending/why-here";

export const metadata: Metadata = { title: "Trending papers" };

export default async function TrendingPage() {
  await connection(); // scores depend on the hour, so they are computed per request
  const papers = await getTrending({ now: new Date() });
  return (
    <section aria-labelledby="list-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="list-heading" className="text-2xl font-bold tracking-tight">
          Trending
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Papers from the last {TRENDING.windowDays} days of daily lists, ranked by recent upvotes and comments, with newer papers favoured.
        </p>
      </div>
      <TrendingFormula />
      <PaperList
        papers={papers}
        label="Trending papers, highest score first"
        empty={
          <>
            Nothing is trending yet: no paper from the last {TRENDING.windowDays} days has votes or comments.{" "}
            <Link href="/" className="underline underline-offset-2">
              Upvote today&apos;s papers
            </Link>{" "}
            to start.
          </>
        }
        slots={(paper) => ({ extra: <WhyHere paper={paper} /> })}
      />
    </section>
  );
}
