import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { markDatabaseSuspect } from "@/lib/db-outage";
import { getEnv } from "@/lib/env";
import { isProcessAlive } from "@/lib/process-alive";
import { PGLITE_EXTENSIONS } from "./pglite-extensions";
import { openReplicas } from "./replicas";
import * as schema from "./schema";

// The one place a database connection is opened. Everything else asks for `getDb()`.

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The handle a transaction callback receives. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbConfig = { kind: "server"; url: string; poolMax?: number; replicaUrls?: string[] } | { kind: "embedded"; dir: string };

/** `readDb` sends selects to a read replica when there are any (see getReadDb), else it is `db`. */
export type DbHandle = { db: Db; readDb?: Db; config: DbConfig; close: () => Promise<void> };

export function configFromEnv(): DbConfig {
  const env = getEnv();
  return env.DATABASE_URL
    ? { kind: "server", url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX, replicaUrls: env.DATABASE_REPLICA_URLS }
    : { kind: "embedded", dir: env.PGLITE_DIR };
}

export function openDb(config: DbConfig): DbHandle {
  if (config.kind === "server") {
    // A closed connection may mean the server went away: proxy.ts then checks before rendering.
    const client = postgres(config.url, { max: config.poolMax ?? 10, onnotice: () => {}, onclose: () => markDatabaseSuspect() });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    const replicas = openReplicas({ primary: db, urls: config.replicaUrls ?? [], poolMax: config.poolMax ?? 10 });
    return {
      db,
      readDb: replicas.readDb,
      config,
      close: async () => {
        await Promise.all([client, ...replicas.clients].map((c) => c.end({ timeout: 5 })));
      },
    };
  }
  const dir = path.resolve(config.dir);
  const releaseLock = lockDataDir(dir);
  const client = new PGlite(dir, { extensions: PGLITE_EXTENSIONS });
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    config,
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * The PGlite instance behind an embedded database's `db`, for what only PGlite itself offers
 * (bench:seed's `COPY … FROM '/dev/blob'`). Throws for a server database.
 */
export function pgliteOf(db: Db): PGlite {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof PGlite)) throw new Error("not an embedded (PGlite) database");
  return client;
}

/**
 * PGlite has no lock of its own, and two processes writing one data directory corrupt it.
 * A pid file makes the second opener fail loudly instead.
 */
function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockFile = path.join(dir, "..", `${path.basename(dir)}.lock`);
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8"));
    if (holder && holder !== process.pid && isProcessAlive(holder)) {
      throw new Error(
        `The embedded database in ${dir} is open in process ${holder}. Stop that process first ` +
          `(only one process may open it), or set DATABASE_URL to use a PostgreSQL server.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
  const release = () => {
    try {
      if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  };
  process.once("exit", release);
  return release;
}

// Kept on globalThis so hot reloads in development reuse the open database instead of
// opening the embedded data directory a second time in the same process.
const globalForDb = globalThis as unknown as { paperboardDb?: DbHandle };

export function getDb(): Db {
  globalForDb.paperboardDb ??= openDb(configFromEnv());
  return globalForDb.paperboardDb.db;
}

/**
 * For reads that build the shared public pages, feeds and API (lists, papers, search, trending):
 * a read replica when DATABASE_REPLICA_URLS is set, so possibly a moment behind the primary.
 * Everything about a reader's own data (their votes, comments, session, rate limits) and every
 * admin read uses getDb(), the primary, so people always see their own writes.
 */
export function getReadDb(): Db {
  getDb();
  return globalForDb.paperboardDb?.readDb ?? getDb();
}

/** Points getDb() at a specific database (scripts and tests), closing any previous one. */
export function connectDb(config: DbConfig): Db {
  if (globalForDb.paperboardDb) throw new Error("A database is already open in this process; closeDb() first.");
  globalForDb.paperboardDb = openDb(config);
  return globalForDb.paperboardDb.db;
}

export async function closeDb(): Promise<void> {
  const handle = globalForDb.paperboardDb;
  globalForDb.paperboardDb = undefined;
  await handle?.close();
}
