import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getLatestListedDay, getRankedList } from "@/db/queries/daily-list";
import { searchPapers } from "@/db/queries/search";
import { DEMO_DAYS, seedDemo } from "@/db/seed/demo";
import { rowsOf } from "@/db/rows";
import { addDays } from "@/lib/dates";
import { createTestDatabase } from "../support/test-database";

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

async function tableCounts() {
  const rows = await getDb().execute<{ name: string; n: number }>(sql`
    select 'papers' as name, count(*)::int as n from papers
    union all select 'paper_authors', count(*)::int from paper_authors
    union all select 'users', count(*)::int from users
    union all select 'daily_entries', count(*)::int from daily_entries
    union all select 'votes', count(*)::int from votes`);
  // postgres.js returns an array, PGlite an object with rows.
  const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { name: string; n: number }[] }).rows;
  return Object.fromEntries(list.map((r) => [r.name, Number(r.n)]));
}

async function counterMismatches() {
  const rows = await getDb().execute(sql`
    select p.id from papers p left join votes v on v.paper_id = p.id
    group by p.id having p.upvote_count <> count(v.user_id)`);
  return Array.isArray(rows) ? rows.length : (rows as unknown as { rows: unknown[] }).rows.length;
}

describe("seedDemo", () => {
  it("loads the 55 papers over the seven days ending today, with votes", async () => {
    const today = "2026-11-28";
    const summary = await seedDemo(getDb(), { now: new Date("2026-11-28T09:00:00Z") });
    expect(summary.papers).toBe(55);
    expect(summary.days).toHaveLength(DEMO_DAYS);
    expect(summary.days.at(-1)).toBe(today);
    expect(await getLatestListedDay({ onOrBefore: today })).toBe(today);
    const todays = await getRankedList({ start: today, end: today });
    expect(todays.length).toBeGreaterThanOrEqual(7);
    expect(todays.some((p) => p.upvoteCount > 0)).toBe(true);
    const week = await getRankedList({ start: addDays(today, -6), end: today });
    expect(week).toHaveLength(55);
    expect(await counterMismatches()).toBe(0);
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await tableCounts();
    await seedDemo(getDb(), { now: new Date("2026-11-28T09:00:00Z") });
    expect(await tableCounts()).toEqual(before);
    expect(await counterMismatches()).toBe(0);
  });

  it("moves the demo list when run on a later day, without duplicating it", async () => {
    const before = await tableCounts();
    await seedDemo(getDb(), { now: new Date("2026-12-02T00:30:00Z") });
    expect(await tableCounts()).toEqual(before);
    expect(await getLatestListedDay({ onOrBefore: "2026-12-02" })).toBe("2026-12-02");
    expect(await getRankedList({ start: "2026-11-22", end: "2026-11-25" })).toEqual([]);
  });

  it("dates nothing after now, and no reader joined after their own submissions", async () => {
    const now = new Date("2026-12-02T00:30:00Z"); // early in the day: the morning's entries are still to come
    await seedDemo(getDb(), { now });
    const rows = rowsOf<{ latest: string; early_joiners: number; on_their_day: boolean }>(
      await getDb().execute(sql`
        select (select max(submitted_at) from daily_entries)::text as latest,
               (select count(*)::int from users u where u.created_at > (select min(e.submitted_at) from daily_entries e where e.submitted_by_id = u.id)) as early_joiners,
               (select bool_and((submitted_at at time zone 'UTC')::date = day) from daily_entries) as on_their_day`),
    );
    expect(new Date(rows[0].latest).getTime()).toBeLessThanOrEqual(now.getTime());
    expect(rows[0].early_joiners).toBe(0);
    expect(rows[0].on_their_day).toBe(true);
  });

  it("leaves every demo paper findable by its authors (search_vector follows paper_authors)", async () => {
    const stale = await getDb().execute(sql`
      select p.id from papers p
      where p.author_names is distinct from (select string_agg(a.name, ', ' order by a.position) from paper_authors a where a.paper_id = p.id)`);
    expect(Array.isArray(stale) ? stale.length : (stale as unknown as { rows: unknown[] }).rows.length).toBe(0);
    const { hits } = await searchPapers({ q: "Puri Hassler misinformation", filters: { from: null, to: null, listedOnly: true } });
    expect(hits.map((h) => h.id)).toEqual(["2401.12509"]);
  });
});
