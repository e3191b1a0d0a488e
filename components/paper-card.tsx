import Link from "next/link";
import type { ListedPaper } from "@/db/queries/daily-list";
import { paperPath } from "@/lib/arxiv-id";
import { excerpt } from "@/lib/excerpt";
import { MathText } from "./math-text";
import { UpvoteButton } from "./votes/upvote-button";

/** What a list may put in place of the plain title and abstract, and below the card's details. */
export type PaperCardSlots = { title?: React.ReactNode; summary?: React.ReactNode; extra?: React.ReactNode };

export function PaperCard({ paper, rank, slots = {} }: { paper: ListedPaper; rank: number; slots?: PaperCardSlots }) {
  const extraAuthors = paper.authorCount - paper.authors.length;
  return (
    <article
      aria-labelledby={`paper-${paper.id}`}
      className="flex gap-4 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div className="flex w-14 shrink-0 flex-col items-center gap-1 pt-0.5">
        <span className="text-xs text-zinc-500 dark:text-zinc-400">
          <span className="sr-only">Rank </span>#{rank}
        </span>
        <UpvoteButton paperId={paper.id} count={paper.upvoteCount} />
      </div>
      <div className="min-w-0 flex-1">
        <h2 id={`paper-${paper.id}`} className="text-base font-semibold leading-snug sm:text-lg">
          <Link href={paperPath(paper.id)} className="hover:underline">
            {slots.title ?? <MathText text={paper.title} />}
          </Link>
          {paper.pinnedPosition !== null && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
              Pinned
            </span>
          )}
        </h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          {paper.authors.join(", ")}
          {extraAuthors > 0 && <span className="text-zinc-500 dark:text-zinc-400"> +{extraAuthors}</span>}
        </p>
        <p className="mt-2 line-clamp-3 text-sm text-zinc-600 dark:text-zinc-400">
          {slots.summary ?? <MathText text={excerpt(paper.abstract)} />}
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
          <Link href={`${paperPath(paper.id)}#discussion`} className="hover:underline">
            {paper.commentCount} {paper.commentCount === 1 ? "comment" : "comments"}
          </Link>
          {paper.submitter && <span>submitted by {paper.submitter.username ?? paper.submitter.name}</span>}
          <span>
            arXiv:<span className="font-mono">{paper.id}</span>
          </span>
        </p>
        {slots.extra}
      </div>
    </article>
  );
}
