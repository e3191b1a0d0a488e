import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import type postgres from "postgres";

// How the synthetic rows reach a database, the one part of bench:seed that differs by kind: a
// PostgreSQL server streams COPY … FROM STDIN through postgres.js; the embedded PGlite, which has
// no COPY stream, takes COPY … FROM '/dev/blob' with the rows handed over as a Blob, a batch at a
// time. Everything else (what the rows are, the checks) is shared.

/** A PostgreSQL server's connection (postgres.js), or the embedded database's own PGlite. */
export type SeedTarget = postgres.Sql | PGlite;

export type SeedQueryable = {
  query<T>(text: string, params?: unknown[]): Promise<T[]>;
  /** COPY `chunks` (whole lines in COPY's text format) into `table`; a chunk is pulled when the last has gone. */
  copyIn(table: string, columns: string[], chunks: Iterable<string>): Promise<void>;
};

export type SeedConnection = SeedQueryable & {
  /** Commits when `fn` resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: SeedQueryable) => Promise<T>): Promise<T>;
};

/**
 * How much COPY text (UTF-16 code units, about bytes for this data) goes into one PGlite COPY.
 * PGlite copies the whole blob into memory first, so this bounds memory; 1, 8 and 32 MB loaded
 * 20k papers and 200k votes equally fast, within noise.
 */
export const EMBEDDED_BATCH_CHARS = 4 << 20;

export function seedConnection(target: SeedTarget): SeedConnection {
  if (target instanceof PGlite) {
    return { ...embedded(target), transaction: (fn) => target.transaction((tx) => fn(embedded(tx))) };
  }
  return { ...server(target), transaction: (fn) => target.begin((tx) => fn(server(tx))) as Promise<never> };
}

function server(sql: postgres.Sql | postgres.TransactionSql): SeedQueryable {
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as unknown as T[],
    copyIn: async (table, columns, chunks) => {
      const writable = await sql.unsafe(`copy ${table} (${columns.join(", ")}) from stdin`).writable();
      await pipeline(Readable.from(chunks), writable);
    },
  };
}

function embedded(pg: PGlite | Transaction): SeedQueryable {
  return {
    query: async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows,
    copyIn: async (table, columns, chunks) => {
      const statement = `copy ${table} (${columns.join(", ")}) from '/dev/blob'`;
      let batch: string[] = [];
      let size = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        await pg.query(statement, [], { blob: new Blob(batch) });
        batch = [];
        size = 0;
      };
      for (const chunk of chunks) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= EMBEDDED_BATCH_CHARS) await flush();
      }
      await flush();
    },
  };
}
