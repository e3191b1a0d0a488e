import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, connectDb, getDb, pgliteOf, type DbConfig } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { getRankedList } from "@/db/queries/daily-list";
import { searchPapers } from "@/db/queries/search";
import { seedConnection, type SeedTarget } from "@/bench/seed/connection";
import { counterDrift, seedSynthetic } from "@/bench/seed/seed";
import { todayUtc } from "@/lib/dates";
import { createTestDatabase } from "../support/test-database";

// The benchmark's synthetic dataset written for real on both kinds of database: counters equal
// the rows they count, search sees authors, and a second run with the same sizes changes nothing.
// The server kind needs DATABASE_URL. The embedded kind makes its own PGlite directory in a temp
// folder (never the one a test pass may hold open), so it runs in both passes.

const SIZES = { papers: 300, users: 60, votes: 2_000, comments: 500 };

type Opened = { config: DbConfig; target: SeedTarget; close: () => Promise<void> };

async function openServer(): Promise<Opened> {
  const db = await createTestDatabase();
  if (db.config.kind !== "server") throw new Error("needs a server");
  const sql = postgres(db.config.url, { max: 1, onnotice: () => {} });
  return {
    config: db.config,
    target: sql,
    close: async () => {
      await sql.end();
      await db.drop();
    },
  };
}

async function openEmbedded(): Promise<Opened> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-bench-seed-"));
  const config: DbConfig = { kind: "embedded", dir: path.join(root, "pglite") };
  await migrateDatabase(config);
  // getDb() and the seed share the one PGlite instance, as only one opener is allowed.
  const target = pgliteOf(connectDb(config));
  return {
    config,
    target,
    close: async () => {
      await closeDb();
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

const KINDS = [
  { kind: "server", open: openServer, skip: !process.env.DATABASE_URL },
  { kind: "embedded", open: openEmbedded, skip: false },
] as const;

for (const { kind, open, skip } of KINDS) {
  describe.skipIf(skip)(`bench:seed synthetic dataset (${kind})`, () => {
    let db: Opened;
    // One day for the whole suite: a run that crosses midnight UTC still seeds and reads the same list.
    const today = todayUtc();
    const query = <T = Record<string, number>>(text: string, params?: unknown[]) => seedConnection(db.target).query<T>(text, params);

    beforeAll(async () => {
      db = await open();
    });

    afterAll(async () => {
      await db?.close();
    });

    it("writes the requested rows with exact counters", async () => {
      const result = await seedSynthetic(db.target, SIZES, { today });
      expect(result.skipped).toBe(false);
      expect(result.tables.map((t) => [t.table, t.rows])).toEqual(
        expect.arrayContaining([["users", 60], ["papers", 300], ["votes", 2_000], ["comments", 500]]),
      );
      const [counts] = await query(
        `select (select count(*) from papers)::int as papers, (select count(*) from users)::int as users,
                (select count(*) from votes)::int as votes, (select count(*) from comments)::int as comments,
                (select count(*) from daily_entries where day = $1)::int as today`,
        [today],
      );
      expect(counts).toMatchObject({ papers: 300, users: 60, votes: 2_000, comments: 500 });
      expect(counts.today).toBeGreaterThanOrEqual(10);
      expect(counts.today).toBeLessThanOrEqual(40);
      expect(result.counterDrift).toBe(0);
      expect(await counterDrift(db.target)).toBe(0);
      const [{ mismatched }] = await query(`
        select count(*)::int as mismatched from papers p
        where p.upvote_count <> (select count(*) from votes v where v.paper_id = p.id)
           or p.comment_count <> (select count(*) from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null)`);
      expect(mismatched).toBe(0);
      const [{ orphans }] = await query(`
        select count(*)::int as orphans from comments c join comments parent on parent.id = c.parent_id
        where parent.paper_id <> c.paper_id or c.depth <> parent.depth + 1`);
      expect(orphans).toBe(0);
      // Comment ids were chosen by the seed: the sequence must have moved past them.
      const [{ next }] = await query("select nextval('comments_id_seq')::int - (select max(id) from comments)::int as next");
      expect(next).toBeGreaterThan(0);
    });

    it("keeps search and the daily list working: author names reach the search vector", async () => {
      const [paper] = await query<{ id: string; author_names: string }>("select id, author_names from papers order by id limit 1");
      expect(paper.author_names).not.toBe("");
      const surname = paper.author_names.split(", ")[0].split(" ").at(-1)!;
      const found = await searchPapers({ q: surname, filters: { from: null, to: null, listedOnly: false }, limit: 120 });
      expect(found.total).toBeGreaterThan(0);
      expect((await getRankedList({ start: today, end: today })).length).toBeGreaterThanOrEqual(10);
    });

    it("does nothing when run again with the same sizes, and replaces its rows for new sizes", async () => {
      expect((await seedSynthetic(db.target, SIZES, { today })).skipped).toBe(true);
      const smaller = await seedSynthetic(db.target, { ...SIZES, papers: 200, votes: 1_000 }, { today });
      expect(smaller.skipped).toBe(false);
      const [counts] = await query("select (select count(*) from papers)::int as papers, (select count(*) from votes)::int as votes");
      expect(counts).toEqual({ papers: 200, votes: 1_000 });
      expect(await counterDrift(db.target)).toBe(0);
    });

    it.runIf(kind === "embedded")("`npm run bench:seed` without DATABASE_URL uses PGLITE_DIR, behind the app's lock", async () => {
      if (db.config.kind !== "embedded") throw new Error("embedded only");
      const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: db.config.dir };
      const sizes = ["--papers", "200", "--users", "60", "--votes", "1000", "--comments", "500"];
      const run = () => spawnSync("npm", ["run", "--silent", "bench:seed", "--", ...sizes], { encoding: "utf8", env });
      // This process holds the directory open: the command must refuse rather than open it twice.
      const refused = run();
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`is open in process ${process.pid}`);
      await closeDb();
      const again = run();
      expect(again.status).toBe(0);
      expect(again.stdout).toContain(`the embedded database in ${path.resolve(db.config.dir)}`);
      expect(again.stdout).toContain("nothing to do");
      expect(again.stdout).toContain("papers whose counters differ from count(*): 0");
    });
  });
}
