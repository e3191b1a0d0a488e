// "3 hours ago" for recent moments, a plain date for older ones: a relative age stops helping once
// it reaches months.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const RELATIVE_FOR_MS = 30 * 86_400_000;

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function formatMoment(date: Date): string {
  return date.toLocaleString("en-GB", { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" }) + " UTC";
}

export function timeAgo(date: Date, now: Date): string {
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  if (elapsed >= RELATIVE_FOR_MS) return date.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  if (elapsed < 60_000) return "just now";
  const [unit, ms] = UNITS.find(([, size]) => elapsed >= size)!; // the minute always fits by now
  return relative.format(-Math.floor(elapsed / ms), unit);
}
