import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, connectDb, getDb } from "@/db/client";
import journal from "@/db/migrations/meta/_journal.json";
import { getAppliedMigrationTimes, pingDatabase } from "@/db/queries/health";
import { GET as ready } from "@/app/api/ready/route";
import { createTestDatabase } from "../support/test-database";

// The readiness probe's queries and its route handler on a freshly migrated database.

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

const last = journal.entries[journal.entries.length - 1];

describe("readiness", () => {
  it("pings the database", async () => {
    await expect(pingDatabase({ timeoutMs: 5_000 })).resolves.toBeUndefined();
  });

  it("finds every journal entry applied after migrating", async () => {
    expect((await getAppliedMigrationTimes()).sort()).toEqual(journal.entries.map((e) => e.when).sort());
    const response = await ready(new Request("http://localhost/api/ready"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ready", migrations: { applied: journal.entries.length, expected: journal.entries.length } });
  });

  it("answers 503 naming the count when a migration is missing", async () => {
    await getDb().execute(sql`delete from drizzle.__drizzle_migrations where created_at = ${last.when}`);
    const response = await ready(new Request("http://localhost/api/ready"));
    expect(response.status).toBe(503);
    const n = journal.entries.length;
    expect(await response.json()).toEqual({
      status: "unavailable",
      reason: `migrations pending (${n - 1} of ${n} applied)`,
      migrations: { applied: n - 1, expected: n },
      pending: [last.tag],
    });
  });

  it("reports nothing applied on a database drizzle never migrated", async () => {
    await getDb().execute(sql`drop schema drizzle cascade`);
    expect(await getAppliedMigrationTimes()).toEqual([]);
  });

  it("answers 503 without details when the database cannot be reached", async () => {
    await closeDb();
    // Nothing listens on port 1: the connection is refused at once.
    connectDb({ kind: "server", url: "postgres://postgres@127.0.0.1:1/postgres", poolMax: 1 });
    const response = await ready(new Request("http://localhost/api/ready"));
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: "unavailable", reason: "database unreachable" });
  });
});
