import fs from "node:fs";
import path from "node:path";
import type { PageQueries } from "./explain";
import type { Measurement, PageWeight } from "./measure";
import { HOME_ANONYMOUS } from "./targets";

export type Row = Measurement & { ratioToStatic: number };

export type BenchReport = {
  startedAt: string;
  command: string;
  load: { connections: number; durationSeconds: number };
  dataset: unknown;
  results: Row[];
  pageWeights: PageWeight[];
  votes: unknown;
  explain: PageQueries[];
  growth: unknown;
};

/** Adds each target's req/s as a fraction of the static file's with the same encoding. */
export function withRatios(results: Measurement[], staticName: string): Row[] {
  const ceiling = (encoding: string) => results.find((r) => r.name === staticName && r.encoding === encoding)?.requestsPerSecond ?? 0;
  return results.map((r) => {
    const c = ceiling(r.encoding);
    return { ...r, ratioToStatic: c > 0 ? r.requestsPerSecond / c : 0 };
  });
}

/**
 * A page plus the requests its browser makes next, as one visit: the rate of whole visits is
 * 1/(1/a + 1/b + …) (each visit costs every part), latencies add up (the JSON is asked for after
 * the HTML; adding is the pessimistic side when the browser asks in parallel).
 */
export function combine(name: string, parts: Measurement[]): Measurement {
  const sum = (f: (m: Measurement) => number) => parts.reduce((n, m) => n + f(m), 0);
  const rate = parts.every((m) => m.requestsPerSecond > 0) ? 1 / sum((m) => 1 / m.requestsPerSecond) : 0;
  return {
    name,
    path: parts.map((m, i) => (i === 0 ? m.path : m.path.split("?")[0])).join(" + "),
    encoding: parts[0].encoding,
    requestsPerSecond: rate,
    latencyMs: { p50: sum((m) => m.latencyMs.p50), p90: sum((m) => m.latencyMs.p90), p99: sum((m) => m.latencyMs.p99) },
    requests: Math.min(...parts.map((m) => m.requests)),
    non2xx: sum((m) => m.non2xx),
    errors: sum((m) => m.errors),
  };
}

const line = (cells: string[]) => `| ${cells.join(" | ")} |`;

/** A Markdown table, so the same text goes to the terminal and into the README. */
export function formatTable(results: Row[]): string {
  const header = ["target", "encoding", "req/s", "requests", "p50 ms", "p90 ms", "p99 ms", "non-2xx / errors", "vs static"];
  const rows = results.map((r) => [
    r.name,
    r.encoding,
    r.requestsPerSecond.toFixed(0),
    String(r.requests),
    String(r.latencyMs.p50),
    String(r.latencyMs.p90),
    String(r.latencyMs.p99),
    `${r.non2xx} / ${r.errors}`,
    `${r.ratioToStatic.toFixed(2)}×`,
  ]);
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export function formatWeights(weights: PageWeight[]): string {
  const header = ["page", "HTML bytes", "HTML gzip", "scripts", "first-load JS gzip"];
  const rows = weights.map((w) => [w.name, String(w.htmlBytes), String(w.htmlGzipBytes), String(w.scripts), String(w.firstLoadJsGzipBytes)]);
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/**
 * Targets that answered non-2xx or failed; with `completedRequired`, also those that completed no
 * request at all in the window (slower than the whole duration: a smoke run's second is too short
 * to require one, so there the bench's warm-up request proves the target answers).
 */
export function failures(results: Measurement[], { completedRequired = false } = {}): string[] {
  return results.flatMap((r) => {
    if (r.non2xx > 0 || r.errors > 0) return [`${r.name} (${r.path}, ${r.encoding}): ${r.non2xx} non-2xx${tally(r.otherStatuses)}, ${r.errors} errors${tally(r.errorCodes)}`];
    if (completedRequired && r.requests === 0) return [`${r.name} (${r.path}, ${r.encoding}): no request completed within the run`];
    return [];
  });
}

/** " (12× 429, 1× 503)": how many of each kind, or nothing when there were none. */
function tally(counts: Record<string, number> | undefined): string {
  return counts ? ` (${Object.entries(counts).map(([kind, n]) => `${n}× ${kind}`).join(", ")})` : "";
}

/**
 * The home page's bytes, checked on every run (smoke runs in CI too): bytes, unlike req/s, are the
 * same on every machine. Both limits are issue 6's: 40 kB of HTML and 150 kB of first-load
 * JavaScript. The framework (~135 kB of React and Next) and TanStack Query (~13 kB) leave little of
 * that, so a regression such as `next/link` coming back (+2.7 kB, and a prefetch per link in view)
 * fails the run.
 */
export const HOME_BUDGET = { htmlGzipBytes: 40_000, firstLoadJsGzipBytes: 150_000 } as const;

export function overBudget(weights: PageWeight[]): string[] {
  const home = weights.find((w) => w.name === HOME_ANONYMOUS);
  if (!home) return ["the home page was not weighed"];
  const over: string[] = [];
  if (home.htmlGzipBytes > HOME_BUDGET.htmlGzipBytes) over.push(`home HTML is ${home.htmlGzipBytes} bytes gzip, over ${HOME_BUDGET.htmlGzipBytes}`);
  if (home.firstLoadJsGzipBytes > HOME_BUDGET.firstLoadJsGzipBytes) over.push(`home first-load JS is ${home.firstLoadJsGzipBytes} bytes gzip, over ${HOME_BUDGET.firstLoadJsGzipBytes}`);
  return over;
}

/** The middle value (the mean of the middle two for an even count); NaN for none. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** How much slower the home page got from the small catalogue to the large one (p50 over p50); null without data. */
export function growthRatio(smallP50: number, largeP50: number, smallRequests: number, largeRequests: number): number | null {
  return smallRequests > 0 && largeRequests > 0 && smallP50 > 0 ? largeP50 / smallP50 : null;
}

export function writeReport(report: BenchReport, folder: string): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `${report.startedAt.replace(/[:.]/g, "-")}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
