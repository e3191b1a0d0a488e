import { connection } from "next/server";
import { getLatestListedDay } from "@/db/queries/daily-list";
import { formatDay, todayUtc } from "@/lib/dates";
import { DayView } from "@/components/day-view";

export default async function HomePage() {
  await connection(); // "today" is decided per request, never at build time
  const today = todayUtc();
  const day = await getLatestListedDay({ onOrBefore: today });
  return (
    <DayView
      day={day ?? today}
      heading="Daily Papers"
      notice={day && day !== today ? `No papers on ${formatDay(today)} yet — showing ${formatDay(day)}, the most recent day with papers.` : null}
    />
  );
}
