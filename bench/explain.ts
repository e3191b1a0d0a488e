import type postgres from "postgres";
import { inlineParams, type CapturedQuery } from "./sql-capture";

// EXPLAIN (ANALYZE, BUFFERS) for each statement a page ran, flagging sequential scans of tables
// large enough that a scan shows up in the page's time as the catalogue grows.

export const LARGE_TABLE_ROWS = 10_000;

export type PlanNode = { "Node Type": string; "Relation Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

export type ExplainedQuery = {
  sql: string;
  params: (string | null)[];
  planningMs: number;
  executionMs: number;
  sharedBuffers: { hit: number; read: number };
  seqScans: { table: string; tableRows: number; large: boolean }[];
  plan: unknown;
};

export type PageQueries = { page: string; path: string; queries: ExplainedQuery[]; skipped: string[] };

/** Read-only statements of the app only: EXPLAIN ANALYZE runs them; the driver's catalogue lookups are not the app's. */
export function explainable(text: string): boolean {
  return /^\s*(select|with)\b/i.test(text) && !/\b(insert|update|delete)\b/i.test(text) && !/\bpg_catalog\./i.test(text);
}

/** Every sequential scan in a plan tree, outermost first. */
export function seqScansOf(node: PlanNode): string[] {
  const own = node["Node Type"].endsWith("Seq Scan") && node["Relation Name"] ? [node["Relation Name"]] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScansOf)];
}

export async function explainQueries(sql: postgres.Sql, page: string, path: string, captured: CapturedQuery[]): Promise<PageQueries> {
  const sizes = new Map(
    (await sql<{ relname: string; rows: number }[]>`select relname, reltuples::float8 as rows from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`).map(
      (r) => [r.relname, r.rows] as const,
    ),
  );
  const queries: ExplainedQuery[] = [];
  const skipped: string[] = [];
  for (const query of captured) {
    if (!explainable(query.text)) {
      skipped.push(query.text.slice(0, 120));
      continue;
    }
    const [row] = await sql.unsafe(`explain (analyze, buffers, format json) ${inlineParams(query)}`);
    const [explained] = row["QUERY PLAN"] as [{ Plan: PlanNode & { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number }; "Planning Time": number; "Execution Time": number }];
    queries.push({
      sql: query.text,
      params: query.params,
      planningMs: explained["Planning Time"],
      executionMs: explained["Execution Time"],
      sharedBuffers: { hit: explained.Plan["Shared Hit Blocks"] ?? 0, read: explained.Plan["Shared Read Blocks"] ?? 0 },
      seqScans: seqScansOf(explained.Plan).map((table) => {
        const tableRows = sizes.get(table) ?? 0;
        return { table, tableRows, large: tableRows > LARGE_TABLE_ROWS };
      }),
      plan: explained,
    });
  }
  return { page, path, queries, skipped };
}

/** One line per page and per flagged scan, for the terminal. */
export function formatExplainSummary(pages: PageQueries[]): string {
  const lines: string[] = [];
  for (const page of pages) {
    const total = page.queries.reduce((ms, q) => ms + q.executionMs, 0);
    lines.push(`${page.page} (${page.path}): ${page.queries.length} queries explained, ${total.toFixed(1)} ms executing in all${page.skipped.length ? `, ${page.skipped.length} not explained (writes, transaction control, driver lookups)` : ""}`);
    for (const [i, q] of page.queries.entries()) {
      const large = q.seqScans.filter((s) => s.large);
      const flag = large.length ? `  SEQ SCAN on ${large.map((s) => `${s.table} (~${Math.round(s.tableRows)} rows)`).join(", ")}` : "";
      lines.push(`  #${i + 1} ${q.executionMs.toFixed(2)} ms  ${q.sql.replace(/\s+/g, " ").slice(0, 90)}…${flag}`);
    }
  }
  return lines.join("\n");
}
