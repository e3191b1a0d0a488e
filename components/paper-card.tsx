import type { ListedPaper } from "@/db/queries/daily-list";
import { paperPath } from "@/lib/arxiv-id";
import { excerpt } from "@/lib/excerpt";
import { MathText } from "./math-text";
import { UpvoteButton } from "./votes/upvote-button";

/** What a list may put in place of the plain title, authors and abstract, and below the card's details. */
export type PaperCardSlots = { title?: React.ReactNode; authors?: React.ReactNode; summary?: React.ReactNode; extra?: React.ReactNode };

// The card's styles are named classes (app/globals.css, "Lists"), not utility strings: a list
// repeats them for every paper, twice (HTML and RSC payload), and they were a third of its bytes.
export function PaperCard({ paper, rank, slots = {} }: { paper: ListedPaper; rank: number; slots?: PaperCardSlots }) {
  const extraAuthors = paper.authorCount - paper.authors.length;
  return (
    <article aria-labelledby={`paper-${paper.id}`} className="paper-card">
      <div className="paper-card-side">
        <span className="paper-card-rank">
          <span className="sr-only">Rank </span>#{rank}
        </span>
        <UpvoteButton paperId={paper.id} count={paper.upvoteCount} describedBy={`paper-${paper.id}`} />
      </div>
      <div className="min-w-0 flex-1">
        <h2 id={`paper-${paper.id}`} className="paper-card-title">
          <a href={paperPath(paper.id)} className="hover:underline">
            {slots.title ?? <MathText text={paper.title} />}
          </a>
          {paper.pinnedPosition !== null && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900 dark:bg-amber-900/40 dark:text-amber-200">
              Pinned
            </span>
          )}
        </h2>
        <p className="paper-card-authors">
          {slots.authors ?? (
            <>
              {paper.authors.join(", ")}
              {extraAuthors > 0 && <MoreAuthors count={extraAuthors} />}
            </>
          )}
        </p>
        <p className="paper-card-summary">
          {slots.summary ?? <MathText text={excerpt(paper.abstract)} />}
        </p>
        <p className="paper-card-meta">
          <a href={`${paperPath(paper.id)}#discussion`} aria-describedby={`paper-${paper.id}`} className="hover:underline">
            {paper.commentCount} {paper.commentCount === 1 ? "comment" : "comments"}
          </a>
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

/** "+7": the authors a card leaves out. */
export function MoreAuthors({ count }: { count: number }) {
  return <span className="text-zinc-500 dark:text-zinc-400"> +{count}</span>;
}
