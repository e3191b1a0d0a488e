import { formatDay, isoWeekOf, monthOf, type Day } from "./dates";

export const dayPath = (day: Day) => `/papers/date/${day}`;
export const weekPath = (week: string) => `/papers/week/${week}`;
export const monthPath = (month: string) => `/papers/month/${month}`;

export const dayLink = (day: Day) => ({ href: dayPath(day), label: formatDay(day, "short") });
export const weekOfDayLink = (day: Day) => ({ href: weekPath(isoWeekOf(day)), label: `Week ${isoWeekOf(day).slice(6)}` });
export const monthOfDayLink = (day: Day) => ({ href: monthPath(monthOf(day)), label: "Month" });
