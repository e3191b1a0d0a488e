import type { DigestFrequency } from "@/db/schema";
import { addDays, formatDay, isoWeekOf, parseDay, parseIsoWeek, todayUtc, type Day } from "../dates";

// A digest covers one closed period, named by a key that is also the idempotency key of its send:
// "daily:2025-02-14" (a UTC day) or "weekly:2025-W07" (an ISO week, Monday to Sunday).

export type DigestPeriod = { key: string; frequency: DigestFrequency; start: Day; end: Day; label: string };

/** The period a run at `now` sends: yesterday (UTC), or the last complete ISO week. */
export function duePeriod(frequency: DigestFrequency, now: Date): DigestPeriod {
  const today = todayUtc(now);
  if (frequency === "daily") return dailyPeriod(addDays(today, -1));
  const mondayThisWeek = addDays(today, -((now.getUTCDay() + 6) % 7));
  return weeklyPeriod(isoWeekOf(addDays(mondayThisWeek, -7)))!;
}

export function parsePeriodKey(key: string): DigestPeriod | null {
  const [frequency, value] = key.split(":");
  if (frequency === "daily" && value) {
    const day = parseDay(value);
    return day.ok ? dailyPeriod(day.value) : null;
  }
  if (frequency === "weekly" && value) return weeklyPeriod(value);
  return null;
}

function dailyPeriod(day: Day): DigestPeriod {
  return { key: `daily:${day}`, frequency: "daily", start: day, end: day, label: formatDay(day) };
}

function weeklyPeriod(week: string): DigestPeriod | null {
  const parsed = parseIsoWeek(week);
  if (!parsed.ok) return null;
  const { start, end } = parsed.value;
  return { key: `weekly:${week}`, frequency: "weekly", start, end, label: `the week of ${formatDay(start, "short")} to ${formatDay(end, "short")}` };
}
