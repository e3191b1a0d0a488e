import type { ProfilePaper } from "@/db/queries/users";
import { paperPath } from "@/lib/arxiv-id";
import { formatDay } from "@/lib/dates";
import { MathText } from "./math-text";

/** A compact list of papers on a profile, each with the date that matters for the list. */
export function ProfilePaperList({ papers, empty, datePrefix }: { papers: ProfilePaper[]; empty: string; datePrefix: string }) {
  if (papers.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{empty}</p>;
  return (
    <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {papers.map((paper) => (
        <li key={paper.id} className="flex flex-col gap-0.5 py-2">
          <a href={paperPath(paper.id)} className="font-medium hover:underline">
            <MathText text={paper.title} />
          </a>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {datePrefix} {formatDay(paper.at.toISOString().slice(0, 10), "short")} · {paper.upvoteCount}{" "}
            {paper.upvoteCount === 1 ? "upvote" : "upvotes"} · arXiv:<span className="font-mono">{paper.id}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
