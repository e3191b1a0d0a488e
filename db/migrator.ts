import path from "node:path";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import { openDb, type DbConfig } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK_KEY = 7_301_845_221;

/** Applies the committed migrations. Safe to run twice, and from two processes at once on a server. */
export async function migrateDatabase(config: DbConfig): Promise<void> {
  if (config.kind === "embedded") {
    const handle = openDb(config);
    try {
      await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await handle.close();
    }
    return;
  }
  // One connection, so the session-level advisory lock and the migration share it.
  const client = postgres(config.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}
