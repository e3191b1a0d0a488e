import "server-only";
import { sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";

// Readiness probes: they must answer quickly and never throw past the caller's timeout.

/** Resolves when the database answers `select 1`, rejects on error or after `timeoutMs`. */
export async function pingDatabase({ timeoutMs }: { timeoutMs: number }): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  // postgres.js waits up to 30 s to connect; a probe has to give up much sooner.
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([getDb().execute(sql`select 1`), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The `created_at` of every migration drizzle recorded as applied: it is the journal's `when`,
 * which is what drizzle itself compares to decide what is pending. Empty on a never-migrated database.
 */
export async function getAppliedMigrationTimes(): Promise<number[]> {
  const db = getDb();
  const exists = rowsOf<{ present: boolean }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`));
  if (!exists[0]?.present) return [];
  const rows = rowsOf<{ created_at: string | number }>(await db.execute(sql`select created_at from drizzle.__drizzle_migrations`));
  return rows.map((row) => Number(row.created_at));
}
