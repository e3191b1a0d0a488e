// Days are calendar dates in UTC, written YYYY-MM-DD: the daily list turns over at 00:00 UTC,
// as arXiv's announcement cycle does, so every reader sees the same "today".

export type Day = string; // "YYYY-MM-DD"

export type DayRange = { start: Day; end: Day }; // inclusive

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const DAY_MS = 86_400_000;

/**
 * The calendar's ends. Past 9999 dates stop being YYYY-MM-DD ("+010000-01-01"), and a month
 * there sent daysOf round forever (one request to /papers/month/9999-12 took the server down), so
 * addresses stop well short of it.
 */
const FIRST_YEAR = 1991; // arXiv began
export const LAST_YEAR = 2999;

function outOfRange(input: string, year: number): string | null {
  if (year < FIRST_YEAR) return `${input} is before arXiv existed (1991).`;
  if (year > LAST_YEAR) return `${input} is too far ahead: the calendar here ends with ${LAST_YEAR}.`;
  return null;
}

export function todayUtc(now: Date = new Date()): Day {
  return now.toISOString().slice(0, 10);
}

export function addDays(day: Day, delta: number): Day {
  return new Date(Date.parse(`${day}T00:00:00Z`) + delta * DAY_MS).toISOString().slice(0, 10);
}

export function parseDay(input: string): Parsed<Day> {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!match) return { ok: false, reason: `“${input}” is not a date. Days are written YYYY-MM-DD, e.g. 2025-02-14.` };
  const [, y, m, d] = match.map(Number);
  if (m < 1 || m > 12) return { ok: false, reason: `${input} has no month ${match[2]}: months run 01 to 12.` };
  const last = daysInMonth(y, m);
  if (d < 1 || d > last) {
    return { ok: false, reason: `${input} does not exist: ${monthName(m)} ${y} has ${last} days.` };
  }
  const range = outOfRange(input, y);
  if (range) return { ok: false, reason: range };
  return { ok: true, value: input };
}

export function parseMonth(input: string): Parsed<DayRange & { label: string }> {
  const match = /^(\d{4})-(\d{2})$/.exec(input);
  if (!match) return { ok: false, reason: `“${input}” is not a month. Months are written YYYY-MM, e.g. 2025-02.` };
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (m < 1 || m > 12) return { ok: false, reason: `${input} has no month ${match[2]}: months run 01 to 12.` };
  const range = outOfRange(input, y);
  if (range) return { ok: false, reason: range };
  return {
    ok: true,
    value: {
      start: `${input}-01`,
      end: lastDayOfMonth(input),
      label: formatMonth(input),
    },
  };
}

/** ISO 8601 weeks: Monday to Sunday; week 1 is the week with the year's first Thursday. */
export function parseIsoWeek(input: string): Parsed<DayRange & { label: string }> {
  const match = /^(\d{4})-W(\d{2})$/.exec(input);
  if (!match) {
    return { ok: false, reason: `“${input}” is not an ISO week. Weeks are written YYYY-Www, e.g. 2025-W07.` };
  }
  const year = Number(match[1]);
  const week = Number(match[2]);
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks) {
    return { ok: false, reason: `${input} does not exist: ${year} has ISO weeks 01 to ${weeks}.` };
  }
  const range = outOfRange(input, year);
  if (range) return { ok: false, reason: range };
  const start = addDays(isoWeekOneMonday(year), (week - 1) * 7);
  return { ok: true, value: { start, end: addDays(start, 6), label: `Week ${week} of ${year}` } };
}

export function isoWeekOf(day: Day): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The Thursday of this week decides which ISO year the week belongs to.
  const thursday = addDays(day, 3 - ((date.getUTCDay() + 6) % 7));
  const year = Number(thursday.slice(0, 4));
  const week = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${isoWeekOneMonday(year)}T00:00:00Z`)) / (7 * DAY_MS)) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** Every day of a range, in order. Counted in milliseconds, not by comparing the strings. */
export function daysOf({ start, end }: DayRange): Day[] {
  const days: Day[] = [];
  const last = Date.parse(`${end}T00:00:00Z`);
  for (let time = Date.parse(`${start}T00:00:00Z`); time <= last; time += DAY_MS) days.push(new Date(time).toISOString().slice(0, 10));
  return days;
}

/** The ISO weeks (YYYY-Www) a range touches, in order: a month's four to six weeks. */
export function isoWeeksOf(range: DayRange): string[] {
  return [...new Set(daysOf(range).map(isoWeekOf))];
}

/** The last day of a month written YYYY-MM. */
export function lastDayOfMonth(month: string): Day {
  const [year, m] = month.split("-").map(Number);
  return `${month}-${String(daysInMonth(year, m)).padStart(2, "0")}`;
}

/** "April 2023", for a month written YYYY-MM. */
export function formatMonth(month: string): string {
  const [year, m] = month.split("-").map(Number);
  return `${monthName(m)} ${year}`;
}

export function monthOf(day: Day): string {
  return day.slice(0, 7);
}

// Formatters are built once: toLocaleDateString with options builds a new Intl.DateTimeFormat on
// every call, which was the costliest line of rendering a 50-result search page (~90 µs a date).
const DAY_LONG = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" });
const DAY_SHORT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
const MONTH_NAME = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" });
const WEEKDAY_SHORT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", weekday: "short", day: "numeric" });

/** "Mon 23": a day within a week that is already named. */
export function formatWeekday(day: Day): string {
  return WEEKDAY_SHORT.format(new Date(`${day}T00:00:00Z`));
}

export function formatDay(day: Day, style: "long" | "short" = "long"): string {
  return (style === "long" ? DAY_LONG : DAY_SHORT).format(new Date(`${day}T00:00:00Z`));
}

function isoWeekOneMonday(year: number): Day {
  const jan4 = new Date(Date.UTC(year, 0, 4));
  return addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
}

function isoWeeksInYear(year: number): number {
  // A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = daysInMonth(year, 2) === 29;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function monthName(month: number): string {
  return MONTH_NAME.format(new Date(Date.UTC(2000, month - 1, 1)));
}
