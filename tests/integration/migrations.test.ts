import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, type DbConfig } from "@/db/client";
import { MIGRATIONS_FOLDER, migrateDatabase } from "@/db/migrator";
import { createTestDatabase } from "../support/test-database";

let drop: () => Promise<void>;
let config: DbConfig;

beforeAll(async () => {
  ({ drop, config } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

async function rowsOf<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await getDb().execute(query);
  return (Array.isArray(result) ? result : (result as unknown as { rows: T[] }).rows) as T[];
}

describe("migrations", () => {
  it("create every table on an empty database", async () => {
    const tables = await rowsOf<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(
      expect.arrayContaining(["accounts", "comments", "daily_entries", "paper_authors", "papers", "sessions", "users", "verification_tokens", "votes"]),
    );
  });

  it("enforce one vote per user per paper and one listing per paper per day", async () => {
    const db = getDb();
    await db.execute(sql`insert into users (id, username, email) values ('u-constraint', 'constraint', 'constraint@test.local')`);
    await db.execute(sql`insert into papers (id, title, abstract) values ('2501.99999', 'Unique', 'Twice?')`);
    const twice = async (statement: ReturnType<typeof sql>) => {
      await db.execute(statement);
      // The driver's error (server) or its cause (drizzle's wrapper) carries PostgreSQL's code.
      const error = await db.execute(statement).then(() => null, (e: unknown) => e as { code?: string; cause?: { code?: string } });
      return error?.code ?? error?.cause?.code;
    };
    expect(await twice(sql`insert into votes (user_id, paper_id) values ('u-constraint', '2501.99999')`)).toBe("23505");
    expect(await twice(sql`insert into daily_entries (paper_id, day) values ('2501.99999', '2025-01-20')`)).toBe("23505");
    const [{ n }] = await rowsOf<{ n: number }>(sql`select (select count(*) from votes) + (select count(*) from daily_entries) as n`);
    expect(Number(n)).toBe(2); // one of each: the second of each was refused
  });

  it("erase the words of comments deleted before deleting erased them, but not of hidden ones (0013)", async () => {
    const db = getDb();
    await db.execute(sql`insert into users (id, username, email) values ('u-erase', 'eraser', 'eraser@test.local')`);
    await db.execute(sql`insert into papers (id, title, abstract) values ('2501.99998', 'Erased', 'Words.')`);
    await db.execute(sql`
      insert into comments (paper_id, author_id, depth, body, deleted_at, hidden_at) values
        ('2501.99998', 'u-erase', 0, 'deleted long ago', now(), null),
        ('2501.99998', 'u-erase', 0, 'hidden, then deleted', now(), now()),
        ('2501.99998', 'u-erase', 0, 'still here', null, null)`);
    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0013_erase_deleted_comments.sql"), "utf8");
    await db.execute(sql.raw(migration));
    const bodies = await rowsOf<{ body: string }>(sql`select body from comments where author_id = 'u-erase' order by id`);
    expect(bodies.map((b) => b.body)).toEqual(["", "hidden, then deleted", "still here"]);
  });

  it("are safe to run again (and, on a server, from two processes at once)", async () => {
    if (config.kind === "server") {
      await Promise.all([migrateDatabase(config), migrateDatabase(config)]);
    } else {
      // The embedded directory is open here and only one opener is allowed: migrate a second one twice.
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-migrate-"));
      await migrateDatabase({ kind: "embedded", dir });
      await migrateDatabase({ kind: "embedded", dir });
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const applied = await rowsOf<{ n: number }>(sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
    expect(Number(applied[0].n)).toBe(fs.readdirSync(MIGRATIONS_FOLDER).filter((f) => f.endsWith(".sql")).length);
  });

  it("refuse a second process opening an embedded directory", async () => {
    if (config.kind === "server") return; // a server arbitrates its own connections
    const child = spawnSync("npx", ["tsx", "tests/support/open-embedded.ts", config.dir], { encoding: "utf8" });
    expect(child.status).not.toBe(0);
    expect(child.stderr).toMatch(new RegExp(`open in process ${process.pid}`));
  });
});
