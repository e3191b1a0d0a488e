import type { TrendingPaper } from "@/db/queries/trending";
import { formatDay } from "@/lib/dates";
import { formatScore, TRENDING, trendingPoints } from "@/lib/trending";

/** One paper's numbers in the formula, so its place in the list can be checked by hand. */
export function WhyHere({ paper }: { paper: TrendingPaper }) {
  const points = trendingPoints({ upvotes: paper.upvotesInWindow, comments: paper.commentsInWindow });
  // One decimal, so the sum shown gives the score shown to about three figures.
  const hours = paper.ageHours.toFixed(1);
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  return (
    <details className="group mt-2 text-xs text-zinc-700 dark:text-zinc-300">
      <summary className="w-fit cursor-pointer rounded text-accent-700 underline-offset-2 hover:underline dark:text-accent-300">
        Why here?
      </summary>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-3 gap-y-1 rounded-md bg-zinc-50 p-3 dark:bg-zinc-900">
        <dt className="text-zinc-600 dark:text-zinc-400">Upvotes</dt>
        <dd>{plural(paper.upvotesInWindow, "upvote")} in the last {TRENDING.windowDays} days</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Comments</dt>
        <dd>{plural(paper.commentsInWindow, "comment")}, worth {TRENDING.commentWeight} each</dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Age</dt>
        <dd>
          {hours} hours since the list of {formatDay(paper.firstListedDay, "short")}
        </dd>
        <dt className="text-zinc-600 dark:text-zinc-400">Score</dt>
        <dd className="font-mono">
          {points} ÷ ({hours} + {TRENDING.ageOffsetHours})<sup>{TRENDING.gravity}</sup> = {formatScore(paper.score)}
        </dd>
      </dl>
    </details>
  );
}
