import { getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import { formatDay, todayUtc, type DayRange } from "@/lib/dates";
import type { NavLink, NavParts } from "./period-nav";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

/** A week or a month of the list, ranked as one list. */
export async function PeriodView({
  range,
  heading,
  linkTo,
  views,
  parts,
}: {
  range: DayRange;
  heading: string;
  /** Builds the link to the period that contains a given day (for previous/next). */
  linkTo: (day: string) => NavLink;
  views: NavLink[];
  /** The days of a week or the weeks of a month, up to today. */
  parts: NavParts;
}) {
  const [papers, neighbours] = await Promise.all([getRankedList(range), getNeighbourDays(range)]);
  return (
    <section aria-labelledby="list-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="list-heading" className="text-2xl font-bold tracking-tight">
          {heading}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={range.start}>{formatDay(range.start, "short")}</time> to{" "}
          <time dateTime={range.end}>{formatDay(range.end, "short")}</time> · ranked by upvotes
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
        empty={
          range.end < todayUtc()
            ? `No papers were listed between ${formatDay(range.start, "short")} and ${formatDay(range.end, "short")}.`
            : `No papers between ${formatDay(range.start, "short")} and ${formatDay(range.end, "short")} yet.`
        }
      />
    </section>
  );
}
