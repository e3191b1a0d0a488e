import type { ListedPaper } from "@/db/queries/daily-list";
import { PaperCard } from "./paper-card";
import { ReaderVotesScope } from "./votes/reader-votes";

export function PaperList({ papers, empty }: { papers: ListedPaper[]; empty: React.ReactNode }) {
  if (papers.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {empty}
      </div>
    );
  }
  return (
    <ReaderVotesScope paperIds={papers.map((p) => p.id)}>
      <ol className="flex flex-col gap-3" aria-label="Papers, highest ranked first">
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard paper={paper} rank={index + 1} />
          </li>
        ))}
      </ol>
    </ReaderVotesScope>
  );
}
