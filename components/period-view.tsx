import { getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import type { DayRange } from "@/lib/dates";
import type { NavLink } from "./period-nav";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

/** A week or a month of the list, ranked as one list. */
export async function PeriodView({
  range,
  heading,
  linkTo,
  views,
}: {
  range: DayRange;
  heading: string;
  /** Builds the link to the period that contains a given day (for previous/next). */
  linkTo: (day: string) => NavLink;
  views: NavLink[];
}) {
  const [papers, neighbours] = await Promise.all([getRankedList(range), getNeighbourDays(range)]);
  return (
    <section aria-labelledby="list-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="list-heading" className="text-2xl font-bold tracking-tight">
          {heading}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={range.start}>{range.start}</time> to <time dateTime={range.end}>{range.end}</time> · ranked
          by upvotes
        </p>
      </div>
      <PeriodNav
        previous={neighbours.previous ? linkTo(neighbours.previous) : null}
        next={neighbours.next ? linkTo(neighbours.next) : null}
        views={views}
      />
      <PaperList papers={papers} empty={`No papers between ${range.start} and ${range.end} yet.`} />
    </section>
  );
}
