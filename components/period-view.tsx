import { notFound } from "next/navigation";
import { countListedPapers, getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import { formatDay, todayUtc, type DayRange } from "@/lib/dates";
import { PERIOD_PAGE_SIZE, periodPageCount, periodPagePath } from "@/lib/period-pages";
import type { NavLink, NavParts } from "./period-nav";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";
import { Pager } from "./ui/pager";

/** A week or a month of the list, ranked as one list, a page at a time (lib/period-pages.ts). */
export async function PeriodView({
  range,
  path,
  page,
  heading,
  linkTo,
  views,
  parts,
}: {
  range: DayRange;
  /** The period's own address, which is its first page's. */
  path: string;
  page: number;
  heading: string;
  /** Builds the link to the period that contains a given day (for previous/next). */
  linkTo: (day: string) => NavLink;
  views: NavLink[];
  /** The days of a week or the weeks of a month, up to today. */
  parts: NavParts;
}) {
  const offset = (page - 1) * PERIOD_PAGE_SIZE;
  const [papers, total, neighbours] = await Promise.all([
    getRankedList({ ...range, limit: PERIOD_PAGE_SIZE, offset }),
    countListedPapers(range),
    getNeighbourDays(range),
  ]);
  const pages = periodPageCount(total);
  // Past the end; or the count and this page disagree because a paper was hidden in between.
  if (page > pages || (page > 1 && papers.length === 0)) notFound();
  const reachable = pages * PERIOD_PAGE_SIZE;
  return (
    <section aria-labelledby="list-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="list-heading" className="text-2xl font-bold tracking-tight">
          {heading}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={range.start}>{formatDay(range.start, "short")}</time> to{" "}
          <time dateTime={range.end}>{formatDay(range.end, "short")}</time> · {total} {total === 1 ? "paper" : "papers"}, ranked by
          upvotes{pages > 1 && `; ${offset + 1}–${offset + papers.length} on this page`}
        </p>
      </div>
      <PeriodNav
        previous={neighbours.previous ? linkTo(neighbours.previous) : null}
        next={neighbours.next ? linkTo(neighbours.next) : null}
        views={views}
        parts={parts}
      />
      <PaperList
        papers={papers}
        firstRank={offset + 1}
        empty={
          range.end < todayUtc()
            ? `No papers were listed between ${formatDay(range.start, "short")} and ${formatDay(range.end, "short")}.`
            : `No papers between ${formatDay(range.start, "short")} and ${formatDay(range.end, "short")} yet.`
        }
      />
      {pages > 1 && (
        <Pager
          label="Pages of this list"
          current={page}
          pages={pages}
          href={(number) => periodPagePath(path, number)}
          note={total > reachable ? `(the top ${reachable.toLocaleString("en-GB")} only)` : undefined}
        />
      )}
    </section>
  );
}
