import { formatDay, formatMonth, isoWeekOf, monthOf, type Day } from "./dates";

export const dayPath = (day: Day) => `/papers/date/${day}`;
export const weekPath = (week: string) => `/papers/week/${week}`;
export const monthPath = (month: string) => `/papers/month/${month}`;

export const dayLink = (day: Day) => ({ href: dayPath(day), label: formatDay(day, "short") });
/** "Week 7 of 2025" for 2025-W07: with the year, as a week link can cross into another one. */
export const weekLabel = (week: string) => `Week ${Number(week.slice(6))} of ${week.slice(0, 4)}`;
export const weekOfDayLink = (day: Day) => ({ href: weekPath(isoWeekOf(day)), label: weekLabel(isoWeekOf(day)) });
export const monthOfDayLink = (day: Day) => ({ href: monthPath(monthOf(day)), label: formatMonth(monthOf(day)) });
