import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeriodView } from "@/components/period-view";
import { isoWeeksOf, parseIsoWeek, parseMonth, todayUtc } from "@/lib/dates";
import { monthOfDayLink, monthPath, weekPath } from "@/lib/paths";
import { parsePeriodPage, periodPageTitle } from "@/lib/period-pages";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

// Page 1 at the month's own address, page N at …/page/N (lib/period-pages.ts).
type Props = { params: Promise<{ month: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { month, page } = await params;
  const parsed = parseMonth(month);
  return { title: parsed.ok ? periodPageTitle(`Papers of ${parsed.value.label}`, parsePeriodPage(page)) : "Not a month" };
}

export default async function MonthPage({ params }: Props) {
  const { month: monthParam, page } = await params;
  const parsed = parseMonth(monthParam);
  const pageNumber = parsePeriodPage(page);
  if (!parsed.ok || !pageNumber.ok) notFound();
  const month = parsed.value;
  return (
    <PeriodView
      range={month}
      path={monthPath(monthParam)}
      page={pageNumber.number}
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
