import fs from "node:fs";
import path from "node:path";
import type { Measurement } from "./measure";

export type BenchReport = {
  startedAt: string;
  command: string;
  load: { connections: number; durationSeconds: number };
  results: (Measurement & { ratioToStatic: number })[];
};

/** Adds each target's req/s as a fraction of the static file's, the ceiling of this server. */
export function withRatios(results: Measurement[], staticName: string): BenchReport["results"] {
  const ceiling = results.find((r) => r.name === staticName)?.requestsPerSecond ?? 0;
  return results.map((r) => ({ ...r, ratioToStatic: ceiling > 0 ? r.requestsPerSecond / ceiling : 0 }));
}

/** A Markdown table, so the same text goes to the terminal and into the README. */
export function formatTable(results: BenchReport["results"]): string {
  const header = ["target", "req/s", "p50 ms", "p90 ms", "p99 ms", "non-2xx / errors", "vs static", "body bytes (gzip)"];
  const rows = results.map((r) => [
    r.name,
    r.requestsPerSecond.toFixed(0),
    String(r.latencyMs.p50),
    String(r.latencyMs.p90),
    String(r.latencyMs.p99),
    `${r.non2xx} / ${r.errors}`,
    `${r.ratioToStatic.toFixed(2)}×`,
    `${r.bytes.raw} (${r.bytes.gzip})`,
  ]);
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function failures(results: Measurement[]): string[] {
  return results.filter((r) => r.non2xx > 0 || r.errors > 0).map((r) => `${r.name} (${r.path}): ${r.non2xx} non-2xx, ${r.errors} errors`);
}

export function writeReport(report: BenchReport, folder: string): string {
  const file = path.join(folder, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
