import { getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import { formatDay, todayUtc, type Day } from "@/lib/dates";
import { dayLink, monthOfDayLink, weekOfDayLink } from "@/lib/paths";
import { DAY_LIST_SIZE } from "@/lib/period-pages";
import { PaperList } from "./paper-list";
import { PeriodNav } from "./period-nav";

/** One day of the list: heading, date navigation and the ranked papers. */
export async function DayView({ day, heading, notice }: { day: Day; heading?: string; notice?: string | null }) {
  // One more than fits tells whether the day has more than its page shows.
  const [ranked, neighbours] = await Promise.all([getRankedList({ start: day, end: day, limit: DAY_LIST_SIZE + 1 }), getNeighbourDays({ start: day, end: day })]);
  const papers = ranked.slice(0, DAY_LIST_SIZE);
  const week = weekOfDayLink(day);
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
        views={[week, monthOfDayLink(day)]}
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
      {ranked.length > DAY_LIST_SIZE && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          These are the day&apos;s top {DAY_LIST_SIZE}; more were listed.{" "}
          <a href={week.href} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
            {week.label}
          </a>{" "}
          lists every paper, a page at a time.
        </p>
      )}
    </section>
  );
}
