import { withReplicas } from "drizzle-orm/pg-core";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import type { Db } from "./client";
import * as schema from "./schema";

// Read replicas for getReadDb() (db/client.ts). Drizzle's withReplicas sends select, $count,
// with and query to the replica getReplica picks, and insert, update, delete, execute and
// transaction to the primary.

/** How long a replica whose connection closed is left out before it is tried again. */
export const REPLICA_RETRY_MS = 5_000;

export function openReplicas({ primary, urls, poolMax }: { primary: Db; urls: string[]; poolMax: number }): {
  readDb: Db;
  clients: postgres.Sql[];
} {
  const replicas = urls.map((url) => {
    const replica = { downUntil: 0, client: undefined as unknown as postgres.Sql, db: undefined as unknown as Db };
    // A connection that closes or cannot open (the standby stopped, restarts, is unreachable)
    // takes the replica out for a while, so one dead standby does not fail every public page.
    replica.client = postgres(url, { max: poolMax, onnotice: () => {}, onclose: () => void (replica.downUntil = Date.now() + REPLICA_RETRY_MS) });
    replica.db = drizzlePostgres(replica.client, { schema }) as unknown as Db;
    return replica;
  });
  const [first, ...rest] = replicas.map((r) => r.db);
  if (!first) return { readDb: primary, clients: [] };
  // A random replica that is not left out; the primary when all are.
  const pick = () => {
    const now = Date.now();
    const healthy = replicas.filter((r) => r.downUntil <= now);
    return healthy.length > 0 ? healthy[Math.floor(Math.random() * healthy.length)].db : primary;
  };
  return { readDb: withReplicas(primary, [first, ...rest], pick) as unknown as Db, clients: replicas.map((r) => r.client) };
}
