import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getRankedList } from "@/db/queries/daily-list";
import { searchPapers } from "@/db/queries/search";
import { counterDrift, seedSynthetic } from "@/bench/seed/seed";
import { todayUtc } from "@/lib/dates";
import { createTestDatabase } from "../support/test-database";

// The benchmark's synthetic dataset on a real server database: counters equal the rows they
// count, search sees authors, and a second run with the same sizes changes nothing.
// COPY needs a PostgreSQL server; on the embedded database this file is skipped.

const SIZES = { papers: 300, users: 60, votes: 2_000, comments: 500 };

describe.skipIf(!process.env.DATABASE_URL)("bench:seed synthetic dataset", () => {
  let drop: () => Promise<void>;
  let sql: postgres.Sql;

  beforeAll(async () => {
    const db = await createTestDatabase();
    drop = db.drop;
    if (db.config.kind !== "server") throw new Error("needs a server");
    sql = postgres(db.config.url, { max: 1, onnotice: () => {} });
  });

  afterAll(async () => {
    await sql?.end();
    await drop?.();
  });

  it("writes the requested rows with exact counters", async () => {
    const result = await seedSynthetic(sql, SIZES, { today: todayUtc() });
    expect(result.skipped).toBe(false);
    const [counts] = await sql`
      select (select count(*) from papers)::int as papers, (select count(*) from users)::int as users,
             (select count(*) from votes)::int as votes, (select count(*) from comments)::int as comments,
             (select count(*) from daily_entries where day = ${todayUtc()})::int as today`;
    expect(counts).toMatchObject({ papers: 300, users: 60, votes: 2_000, comments: 500 });
    expect(counts.today).toBeGreaterThanOrEqual(10);
    expect(counts.today).toBeLessThanOrEqual(40);
    expect(await counterDrift(sql)).toBe(0);
    const [{ mismatched }] = await sql`
      select count(*)::int as mismatched from papers p
      where p.upvote_count <> (select count(*) from votes v where v.paper_id = p.id)
         or p.comment_count <> (select count(*) from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null)`;
    expect(mismatched).toBe(0);
    const [{ orphans }] = await sql`
      select count(*)::int as orphans from comments c join comments parent on parent.id = c.parent_id
      where parent.paper_id <> c.paper_id or c.depth <> parent.depth + 1`;
    expect(orphans).toBe(0);
  });

  it("keeps search and the daily list working: author names reach the search vector", async () => {
    const [paper] = await sql<{ id: string; author_names: string }[]>`select id, author_names from papers order by id limit 1`;
    expect(paper.author_names).not.toBe("");
    const surname = paper.author_names.split(", ")[0].split(" ").at(-1)!;
    const found = await searchPapers({ q: surname, filters: { from: null, to: null, listedOnly: false }, limit: 120 });
    expect(found.total).toBeGreaterThan(0);
    expect((await getRankedList({ start: todayUtc(), end: todayUtc() })).length).toBeGreaterThanOrEqual(10);
  });

  it("does nothing when run again with the same sizes, and replaces its rows for new sizes", async () => {
    expect((await seedSynthetic(sql, SIZES, { today: todayUtc() })).skipped).toBe(true);
    const smaller = await seedSynthetic(sql, { ...SIZES, papers: 200, votes: 1_000 }, { today: todayUtc() });
    expect(smaller.skipped).toBe(false);
    const [counts] = await sql`select (select count(*) from papers)::int as papers, (select count(*) from votes)::int as votes`;
    expect(counts).toEqual({ papers: 200, votes: 1_000 });
    expect(await counterDrift(sql)).toBe(0);
  });
});
