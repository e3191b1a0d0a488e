import type { SeedQueryable } from "./connection";

export type CopyStats = { table: string; rows: number; seconds: number; rowsPerSecond: number };

type Cell = string | number | boolean | Date | null | string[];

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
export function copyCell(value: Cell): string {
  if (value === null) return "\\N";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return copyCell(`{${value.map((v) => `"${v.replace(/["\\]/g, "\\$&")}"`).join(",")}}`);
  return String(value).replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

/**
 * Copies `rows` into `table` in COPY's text format, a thousand rows per chunk, reporting progress
 * as it goes. Runs on whatever connection `db` is (a transaction's, in the seed); how the chunks
 * reach the database depends on its kind (bench/seed/connection.ts).
 */
export async function copyRows(
  db: SeedQueryable,
  table: string,
  columns: string[],
  rows: Iterable<Cell[]>,
  total: number,
  progress: (table: string, done: number, total: number) => void,
): Promise<CopyStats> {
  const started = performance.now();
  let done = 0;
  function* chunks() {
    let chunk: string[] = [];
    for (const row of rows) {
      chunk.push(row.map(copyCell).join("\t"));
      done += 1;
      if (chunk.length === 1000) {
        yield `${chunk.join("\n")}\n`;
        chunk = [];
        progress(table, done, total);
      }
    }
    if (chunk.length > 0) yield `${chunk.join("\n")}\n`;
    progress(table, done, total);
  }
  await db.copyIn(table, columns, chunks());
  const seconds = (performance.now() - started) / 1000;
  return { table, rows: done, seconds, rowsPerSecond: done / Math.max(seconds, 1e-6) };
}

/** A progress bar on stderr, redrawn at most every 200 ms (one line per table when not a terminal). */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let last = 0;
  const finishedTables = new Set<string>();
  return (table: string, done: number, total: number) => {
    const now = performance.now();
    const finished = done >= total;
    if (finished ? finishedTables.has(table) : now - last < 200) return;
    if (finished) finishedTables.add(table);
    last = now;
    const fraction = total > 0 ? Math.min(done / total, 1) : 1;
    const bar = `${"#".repeat(Math.round(fraction * 30)).padEnd(30, ".")}`;
    const line = `${table.padEnd(14)} [${bar}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total}`;
    if (stream.isTTY) stream.write(`\r${line}${finished ? "\n" : ""}`);
    else if (finished) stream.write(`${line}\n`);
  };
}
