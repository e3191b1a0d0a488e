import { TRENDING } from "@/lib/trending";

/** The ranking rule in words and as a formula, so readers can check any paper's place. */
export function TrendingFormula() {
  return (
    <section aria-labelledby="formula-heading" className="rounded-lg bg-zinc-50 p-4 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      <h2 id="formula-heading" className="font-semibold text-zinc-900 dark:text-zinc-100">
        How trending is ranked
      </h2>
      <p className="mt-2 overflow-x-auto whitespace-nowrap py-1 font-mono text-[0.95rem] text-zinc-900 dark:text-zinc-100" data-testid="trending-formula">
        score = (upvotes + {TRENDING.commentWeight} × comments) ÷ (hours since listed + {TRENDING.ageOffsetHours})
        <sup>{TRENDING.gravity}</sup>
      </p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        <li>
          Papers first on the daily list in the last {TRENDING.windowDays} days (today and the {TRENDING.windowDays - 1} before, UTC).
        </li>
        <li>Upvotes and comments count only when made in those days; deleted and hidden comments do not count.</li>
        <li>Hours since listed run from midnight UTC of the day the paper first appeared on the list.</li>
        <li>Papers without votes or comments in those days are not shown. Ties go to more upvotes, then the newer paper.</li>
      </ul>
    </section>
  );
}
