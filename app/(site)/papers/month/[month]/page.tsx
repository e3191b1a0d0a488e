import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeriodView } from "@/components/period-view";
import { isoWeeksOf, parseIsoWeek, parseMonth, todayUtc } from "@/lib/dates";
import { monthOfDayLink, weekPath } from "@/lib/paths";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ month: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseMonth((await params).month);
  return { title: parsed.ok ? `Papers of ${parsed.value.label}` : "Not a month" };
}

export default async function MonthPage({ params }: Props) {
  const parsed = parseMonth((await params).month);
  if (!parsed.ok) notFound();
  const month = parsed.value;
  return (
    <PeriodView
      range={month}
      heading={`Papers of ${month.label}`}
      linkTo={monthOfDayLink}
      views={[]}
      parts={{ label: "Weeks of this month", links: weeksUpToToday(month) }}
    />
  );
}

/** The month's weeks that have begun, as "Week 48" links. */
function weeksUpToToday(month: { start: string; end: string }) {
  return isoWeeksOf(month).flatMap((week) => {
    const parsed = parseIsoWeek(week);
    return parsed.ok && parsed.value.start <= todayUtc() ? [{ href: weekPath(week), label: `Week ${week.slice(6)}` }] : [];
  });
}
