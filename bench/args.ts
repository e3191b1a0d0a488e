import { parseArgs } from "node:util";
import type { SeedSizes } from "./seed/generate";
import type { Encoding } from "./targets";

export type BenchOptions = {
  smoke: boolean;
  build: boolean;
  connections: number;
  durationSeconds: number;
  encodings: Encoding[];
  /** The synthetic dataset loaded on top of the demo seed; all zero: the demo seed alone. */
  dataset: SeedSizes;
  growth: boolean;
  voters: number;
};

// A smoke run only proves every target answers: a second each, two connections, gzip, demo data only.
const SMOKE = { connections: 2, durationSeconds: 1, voters: 20, dataset: { papers: 0, users: 0, votes: 0, comments: 0 } };
const FULL = { connections: 20, durationSeconds: 8, voters: 3_000, dataset: { papers: 100_000, users: 20_000, votes: 1_000_000, comments: 200_000 } };

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      connections: { type: "string" },
      duration: { type: "string" },
      encoding: { type: "string" },
      papers: { type: "string" },
      users: { type: "string" },
      votes: { type: "string" },
      comments: { type: "string" },
      growth: { type: "boolean", default: false },
      voters: { type: "string" },
    },
    strict: true,
  });
  const defaults = values.smoke ? SMOKE : FULL;
  // Brotli is opt-in (`br`, or `all` for the three): issue 6's targets are set without and with gzip.
  const encodings: Record<string, Encoding[]> = { both: ["identity", "gzip"], identity: ["identity"], gzip: ["gzip"], br: ["br"], all: ["identity", "gzip", "br"] };
  // Smoke runs gzip only, to stay well under a minute in CI; full runs measure both.
  const encoding = values.encoding ?? (values.smoke ? "gzip" : "both");
  if (!encodings[encoding]) throw new Error(`--encoding must be identity, gzip, both, br or all, got "${encoding}"`);
  const dataset = {
    papers: count("--papers", values.papers, defaults.dataset.papers),
    users: count("--users", values.users, defaults.dataset.users),
    votes: count("--votes", values.votes, defaults.dataset.votes),
    comments: count("--comments", values.comments, defaults.dataset.comments),
  };
  if (dataset.papers > 0 && dataset.users === 0) throw new Error("--users must be at least 1 when --papers is");
  if (values.growth && values.smoke) throw new Error("--growth seeds two datasets: it is for full runs, not --smoke");
  return {
    smoke: values.smoke,
    build: !values["no-build"],
    connections: positiveInt("--connections", values.connections, defaults.connections),
    durationSeconds: positiveInt("--duration", values.duration, defaults.durationSeconds),
    encodings: encodings[encoding],
    dataset,
    growth: values.growth,
    voters: positiveInt("--voters", values.voters, defaults.voters),
  };
}

function positiveInt(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got "${raw}"`);
  return n;
}

function count(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} must be a whole number ≥ 0, got "${raw}"`);
  return n;
}
