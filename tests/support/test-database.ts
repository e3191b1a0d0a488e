import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { connectDb, closeDb, type DbConfig } from "@/db/client";
import { createServerDatabase } from "./server-database";

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
  const database = await createServerDatabase(serverUrl, "test", { template });
  const config: DbConfig = { kind: "server", url: database.url, poolMax: 20 };
  connectDb(config);
  return {
    config,
    drop: async () => {
      await closeDb();
      await database.drop();
    },
  };
}
