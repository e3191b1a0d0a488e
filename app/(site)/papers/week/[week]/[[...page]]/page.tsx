import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeriodView } from "@/components/period-view";
import { daysOf, formatWeekday, parseIsoWeek, todayUtc } from "@/lib/dates";
import { dayPath, monthOfDayLink, weekOfDayLink, weekPath } from "@/lib/paths";
import { parsePeriodPage, periodPageTitle } from "@/lib/period-pages";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

// Page 1 at the week's own address, page N at …/page/N (lib/period-pages.ts).
type Props = { params: Promise<{ week: string; page?: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { week, page } = await params;
  const parsed = parseIsoWeek(week);
  return { title: parsed.ok ? periodPageTitle(parsed.value.label, parsePeriodPage(page)) : "Not a week" };
}

export default async function WeekPage({ params }: Props) {
  const { week: weekParam, page } = await params;
  const parsed = parseIsoWeek(weekParam);
  const pageNumber = parsePeriodPage(page);
  if (!parsed.ok || !pageNumber.ok) notFound();
  const week = parsed.value;
  return (
    <PeriodView
      range={week}
      path={weekPath(weekParam)}
      page={pageNumber.number}
      heading={`Papers of ${week.label.toLowerCase().replace(/^w/, "W")}`}
      linkTo={weekOfDayLink}
      views={[monthOfDayLink(week.start)]}
      parts={{ label: "Days of this week", links: daysOf(week).filter((day) => day <= todayUtc()).map((day) => ({ href: dayPath(day), label: formatWeekday(day) })) }}
    />
  );
}
