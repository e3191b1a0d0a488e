import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { inject } from "vitest";
import { connectDb, closeDb, type DbConfig } from "@/db/client";

/**
 * A fresh, migrated database for one test file: a new database on the PostgreSQL server named by
 * DATABASE_URL, or, when it is unset, a new embedded PGlite directory. getDb() is pointed at it.
 * It is a copy of the run's migrated template (tests/support/template-database.ts).
 */
export async function createTestDatabase(): Promise<{ config: DbConfig; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  const template = inject("testDatabaseTemplate");
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-test-"));
    const config: DbConfig = { kind: "embedded", dir: path.join(dir, "pglite") };
    fs.cpSync(template, config.dir, { recursive: true });
    connectDb(config);
    return {
      config,
      drop: async () => {
        await closeDb();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `paperboard_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const config: DbConfig = { kind: "server", url: url.toString(), poolMax: 20 };
  connectDb(config);
  return {
    config,
    drop: async () => {
      await closeDb();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
