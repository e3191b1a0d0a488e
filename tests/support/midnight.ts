import { addDays, todayUtc } from "@/lib/dates";

// Tests that seed "today" and later read "today" from the real clock fail if midnight UTC falls in
// between: the second reading is another day. Runs that would straddle it start just after instead.

/** Milliseconds from `now` to the next midnight UTC. */
export function msToMidnightUtc(now = new Date()): number {
  return Date.parse(`${addDays(todayUtc(now), 1)}T00:00:00Z`) - now.getTime();
}

/** Within `marginMs` of midnight UTC, waits until a second after it (saying why, when `log` is given). */
export async function waitOutMidnightUtc(marginMs: number, log?: (message: string) => void): Promise<void> {
  const wait = msToMidnightUtc();
  if (wait >= marginMs) return;
  log?.(`midnight UTC is ${Math.ceil(wait / 1000)} s away: waiting for it, so this run sees one "today" throughout`);
  await new Promise((resolve) => setTimeout(resolve, wait + 1_000));
}
