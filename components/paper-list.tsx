import type { ListedPaper } from "@/db/queries/daily-list";
import { PaperCard, type PaperCardSlots } from "./paper-card";
import { ReaderVotesScope } from "./votes/reader-votes";

export function PaperList<P extends ListedPaper>({
  papers,
  empty,
  label = "Papers, highest ranked first",
  slots,
  firstRank = 1,
}: {
  papers: P[];
  /** The first paper's number: 21 on a second page of 20. */
  firstRank?: number;
  empty: React.ReactNode;
  label?: string;
  /** Per-paper replacements for parts of the card (search highlights, trending explanations). */
  slots?: (paper: P) => PaperCardSlots;
}) {
  if (papers.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 p-8 text-center text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {empty}
      </div>
    );
  }
  return (
    <ReaderVotesScope paperIds={papers.map((p) => p.id)}>
      <ol className="flex flex-col gap-3" aria-label={label} start={firstRank}>
        {papers.map((paper, index) => (
          <li key={paper.id}>
            <PaperCard paper={paper} rank={firstRank + index} slots={slots?.(paper)} />
          </li>
        ))}
      </ol>
    </ReaderVotesScope>
  );
}
