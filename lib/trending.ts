import { addDays, todayUtc, type Day } from "./dates";

// Trending: what the community is reading now, across the last week of daily lists, in the manner
// of Hacker News' "gravity" ranking. Fresh papers with a few votes outrank older papers with many,
// and every paper sinks as it ages, whatever its votes.
//
//   score = (upvotes + 0.5 × comments) / (ageHours + 2) ^ 1.8
//
// - The window is the last 7 UTC days: today and the 6 days before it, from 00:00 UTC of the first.
// - A paper is eligible when it first appeared on the daily list (its earliest visible listing)
//   within the window; later re-listings do not make it young again.
// - upvotes and comments count only what was cast inside the window (comments that are deleted or
//   hidden do not count), so old popularity does not carry over.
// - ageHours is the time since 00:00 UTC of that first listing day (when it appeared on the list, as
//   the list turns over at midnight UTC), at least 0. The +2 keeps brand-new papers from dividing by
//   almost nothing.
// - Papers with no votes or comments in the window score 0 and are left out.
// - Ties: more upvotes, then listed more recently, then arXiv ID.
//
// db/queries/trending.ts computes the same formula in SQL with these constants;
// tests/integration/trending.test.ts checks that the two order papers alike.

export const TRENDING = {
  windowDays: 7,
  commentWeight: 0.5,
  ageOffsetHours: 2,
  gravity: 1.8,
} as const;

const HOUR_MS = 3_600_000;

export type TrendingInputs = { upvotes: number; comments: number; ageHours: number };

export type TrendingCandidate = TrendingInputs & { id: string; firstListedDay: Day };

export function trendingPoints({ upvotes, comments }: Pick<TrendingInputs, "upvotes" | "comments">): number {
  return upvotes + TRENDING.commentWeight * comments;
}

export function trendingScore(inputs: TrendingInputs): number {
  return trendingPoints(inputs) / Math.pow(Math.max(inputs.ageHours, 0) + TRENDING.ageOffsetHours, TRENDING.gravity);
}

/** The first day of the window and the instant votes start counting from. */
export function trendingWindow(now: Date): { startDay: Day; endDay: Day; since: Date } {
  const endDay = todayUtc(now);
  const startDay = addDays(endDay, -(TRENDING.windowDays - 1));
  return { startDay, endDay, since: new Date(`${startDay}T00:00:00Z`) };
}

/** Hours from 00:00 UTC of the day a paper was first listed until `now`, never negative. */
export function hoursSinceListed(firstListedDay: Day, now: Date): number {
  return Math.max(0, (now.getTime() - Date.parse(`${firstListedDay}T00:00:00Z`)) / HOUR_MS);
}

export function compareTrending(a: TrendingCandidate, b: TrendingCandidate): number {
  const byScore = trendingScore(b) - trendingScore(a);
  if (byScore !== 0) return byScore;
  if (a.upvotes !== b.upvotes) return b.upvotes - a.upvotes;
  if (a.firstListedDay !== b.firstListedDay) return a.firstListedDay < b.firstListedDay ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Scores shrink fast with age; four significant figures keep them readable and comparable. */
export function formatScore(score: number): string {
  return score === 0 ? "0" : score.toPrecision(4);
}
