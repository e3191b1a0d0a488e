import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DayView } from "@/components/day-view";
import { formatDay, parseDay } from "@/lib/dates";
import { dayFeedAlternates } from "@/lib/feeds/alternates";

// Cached for everyone (lib/cached-pages.ts says how fresh); none rendered at build time.
export const revalidate = 5;
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ day: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = parseDay((await params).day);
  if (!parsed.ok) return { title: "Not a date" };
  return { title: `Papers of ${formatDay(parsed.value)}`, alternates: { types: dayFeedAlternates(parsed.value) } };
}

export default async function DayPage({ params }: Props) {
  const parsed = parseDay((await params).day);
  if (!parsed.ok) notFound(); // app/not-found.tsx explains what was wrong with the date
  return <DayView day={parsed.value} />;
}
