import type { Db } from "./client";

/**
 * A hot statement built once per database handle, then run with its placeholders filled in.
 * Drizzle builds a query's SQL anew on every call, walking its parts and checking each one's
 * class: in a CPU profile of `/api/me` under load (autocannon -c 20, 100k papers), that builder
 * was about 8 % of the server's time, more than either statement took to run. A prepared query
 * skips it. (PostgreSQL's own plan is cached either way: postgres.js prepares every statement.)
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
