import { TRENDING } from "@/lib/trending";

/** The ranking rule in words and as a formula, so readers can check any paper's place. */
export function TrendingFormula() {
  return (
    <section aria-labelledby="formula-heading" className="rounded-lg bg-zinc-50 p-4 text-sm text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300">
      <h2 id="formula-heading" className="font-semibold text-zinc-900 dark:text-zinc-100">
        How trending is ranked
      </h2>
      {/* Three unbreakable parts, so a phone wraps the formula between them instead of mid-term. */}
      <p className="mt-2 font-mono text-[0.9rem] leading-relaxed text-zinc-900 dark:text-zinc-100" data-testid="trending-formula">
        <span className="inline-block">score =</span> <span className="inline-block">(upvotes + {TRENDING.commentWeight} × comments)</span>{" "}
        <span className="inline-block">
          ÷ (hours since listed + {TRENDING.ageOffsetHours})<sup>{TRENDING.gravity}</sup>
        </span>
      </p>
      <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
        <li>
          Papers first on the daily list in the last {TRENDING.windowDays} days (today and the {TRENDING.windowDays - 1} before, UTC).
        </li>
        <li>Upvotes and comments count only when made in those days; deleted and hidden comments do not count.</li>
        <li>Hours since listed run from midnight UTC of the day the paper first appeared on the list.</li>
        <li>Papers without votes or comments in those days are not shown. Ties go to more upvotes, then the newer paper, then the lower arXiv ID (so the order never changes by chance).</li>
      </ul>
    </section>
  );
}
