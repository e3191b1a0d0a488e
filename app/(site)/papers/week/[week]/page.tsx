import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PeriodView } from "@/components/period-view";
import { daysOf, formatWeekday, parseIsoWeek, todayUtc } from "@/lib/dates";
import { dayPath, monthOfDayLink, weekOfDayLink } from "@/lib/paths";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ week: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseIsoWeek((await params).week);
  return { title: parsed.ok ? parsed.value.label : "Not a week" };
}

export default async function WeekPage({ params }: Props) {
  const parsed = parseIsoWeek((await params).week);
  if (!parsed.ok) notFound();
  const week = parsed.value;
  return (
    <PeriodView
      range={week}
      heading={`Papers of ${week.label.toLowerCase().replace(/^w/, "W")}`}
      linkTo={weekOfDayLink}
      views={[monthOfDayLink(week.start)]}
      parts={{ label: "Days of this week", links: daysOf(week).filter((day) => day <= todayUtc()).map((day) => ({ href: dayPath(day), label: formatWeekday(day) })) }}
    />
  );
}
