import { getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import { formatDay, todayUtc, type Day } from "@/lib/dates";
import { dayLink, monthOfDayLink, weekOfDayLink } from "@/lib/paths";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

/** One day of the list: heading, date navigation and the ranked papers. */
export async function DayView({ day, heading, notice }: { day: Day; heading?: string; notice?: string | null }) {
  const [papers, neighbours] = await Promise.all([getRankedList({ start: day, end: day }), getNeighbourDays({ start: day, end: day })]);
  const future = day > todayUtc();
  return (
    <section aria-labelledby="list-heading" className="flex flex-col gap-4">
      <div>
        <h1 id="list-heading" className="text-2xl font-bold tracking-tight">
          {heading ?? "Papers of the day"}
        </h1>
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          <time dateTime={day}>{formatDay(day)}</time> · by the research community
        </p>
      </div>
      {notice && (
        <p role="status" className="rounded-md bg-accent-50 px-3 py-2 text-sm text-zinc-800 dark:bg-zinc-900 dark:text-zinc-200">
          {notice}
        </p>
      )}
      <PeriodNav
        previous={neighbours.previous ? dayLink(neighbours.previous) : null}
        next={neighbours.next ? dayLink(neighbours.next) : null}
        views={[weekOfDayLink(day), monthOfDayLink(day)]}
      />
      <PaperList
        papers={papers}
        empty={
          future
            ? `No papers on ${formatDay(day)} yet — that day has not come. Check back then.`
            : day === todayUtc()
              ? `No papers on ${formatDay(day)} yet.`
              : `No papers were listed on ${formatDay(day)}.`
        }
      />
    </section>
  );
}
