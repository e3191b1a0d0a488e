import { notFound } from "next/navigation";
import { getLatestListedDay } from "@/db/queries/daily-list";
import { formatDay, parseDay } from "@/lib/dates";
import { DayView } from "@/components/day-view";

// The home page. proxy.ts rewrites "/" here with today's date, so the page is cached per day
// (lib/cached-pages.ts says how fresh) instead of rendered for every reader.
export const revalidate = 5;
export function generateStaticParams() {
  return []; // none at build time: rendered on its first request, then cached
}

type Props = { params: Promise<{ day: string }> };

export default async function HomePage({ params }: Props) {
  const parsed = parseDay((await params).day);
  if (!parsed.ok) notFound();
  const today = parsed.value;
  const day = await getLatestListedDay({ onOrBefore: today });
  return (
    <DayView
      day={day ?? today}
      heading="Daily Papers"
      notice={day && day !== today ? `No papers on ${formatDay(today)} yet — showing ${formatDay(day)}, the most recent day with papers.` : null}
    />
  );
}
