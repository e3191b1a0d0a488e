
/** "Submit <id> to add it…": offered wherever a reader asks for a well-formed arXiv ID we do not have. */
export function SubmitPaperOffer({ paperId }: { paperId: string }) {
  return (
    <>
      <a href={`/submit?${new URLSearchParams({ id: paperId })}`} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
        Submit {paperId}
      </a>{" "}
      to add it to the catalogue and the daily list.
    </>
  );
}
