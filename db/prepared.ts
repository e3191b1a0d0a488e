import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Db } from "./client";

/**
 * A hot statement built once per database handle and prepared on the database server, then run
 * with its placeholders filled in. Drizzle runs its other statements unprepared: postgres.js
 * then asks the server to describe each one before running it (two round trips), and PostgreSQL
 * parses and plans it every time; Drizzle also rebuilds its SQL on every call (in a CPU profile
 * of `/api/me` under load, ~8 % of the server's time). A named `.prepare()` is prepared once per
 * connection and skips all three. The name only switches that on: postgres.js and PGlite name the
 * statements themselves, so names cannot clash across connections or databases.
 *
 * Server-side prepared statements need a direct connection or a pooler that keeps them
 * (PgBouncer 1.21+ with `max_prepared_statements`); README, Deploying.
 * Per handle because each database, the embedded one or a server, prepares its own.
 */
export function preparedPerDb<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}

// Turns a `sql` template into text and parameters, as the database's own dialect does (the app
// sets no casing option on it, so a fresh one is the same); Drizzle keeps that one internal.
const dialect = new PgDialect();

/**
 * Runs raw SQL (a `sql` template too complex for Drizzle's builder) as a prepared statement:
 * `db.execute` has no such option, so this asks Drizzle's session for a named query, as
 * `.prepare()` does. The SQL text must not vary with the values (they go as parameters), or each
 * call prepares a new statement on the connection. The result is `db.execute`'s (db/rows.ts).
 */
export function executePrepared(db: Db, statement: SQL): Promise<unknown> {
  return db._.session.prepareQuery(dialect.sqlToQuery(statement), undefined, "raw", false).execute();
}
