import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTrending } from "@/db/queries/trending";
import { TRENDING } from "@/lib/trending";
import { TRENDING_VIEW } from "@/lib/cached-pages";
import { PaperList } from "@/components/paper-list";
import { TrendingFormula } from "@/components/trending/trending-formula";
import { WhyHere } from "@/components/trending/why-here";

export const metadata: Metadata = { title: "Trending papers" };

// /trending. The same for every reader, so proxy.ts rewrites it here and it is rendered once and
// served from the page cache like the daily lists (lib/cached-pages.ts says how fresh): scores
// move by the hour, and a render seconds old ranks them as of then. (Rendered per request it was
// the slowest page a reader could open.) Not rendered at build time, like the home page's route:
// a build has no database to read and no nonce to give its scripts.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ view: string }> };

export default async function TrendingPage({ params }: Props) {
  if ((await params).view !== TRENDING_VIEW) notFound();
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
            <a href="/" className="underline underline-offset-2">
              Upvote today&apos;s papers
            </a>{" "}
            to start.
          </>
        }
        slots={(paper) => ({ extra: <WhyHere paper={paper} /> })}
      />
    </section>
  );
}
