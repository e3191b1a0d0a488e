// "3 hours ago" for recent moments, a plain date for older ones: a relative age stops helping once
// it reaches months.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const RELATIVE_FOR_MS = 30 * 86_400_000;

// Built once: toLocaleString with options builds a new formatter per call (see lib/dates.ts).
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });
const MOMENT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
const PLAIN_DATE = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });

export function formatMoment(date: Date): string {
  return MOMENT.format(date) + " UTC";
}

export function timeAgo(date: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  if (elapsed >= RELATIVE_FOR_MS) return PLAIN_DATE.format(date);
  if (elapsed < 60_000) return "just now";
  const [unit, ms] = UNITS.find(([, size]) => elapsed >= size)!; // the minute always fits by now
  return relative.format(-Math.floor(elapsed / ms), unit);
}
