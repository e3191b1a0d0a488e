import { parseArgs } from "node:util";

export type BenchOptions = { smoke: boolean; build: boolean; connections: number; durationSeconds: number };

// A smoke run only proves every target answers: a second each, two connections.
const SMOKE = { connections: 2, durationSeconds: 1 };
const FULL = { connections: 20, durationSeconds: 10 };

export function parseBenchArgs(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      smoke: { type: "boolean", default: false },
      "no-build": { type: "boolean", default: false },
      connections: { type: "string" },
      duration: { type: "string" },
    },
    strict: true,
  });
  const defaults = values.smoke ? SMOKE : FULL;
  return {
    smoke: values.smoke,
    build: !values["no-build"],
    connections: positiveInt("--connections", values.connections, defaults.connections),
    durationSeconds: positiveInt("--duration", values.duration, defaults.durationSeconds),
  };
}

function positiveInt(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number, got "${raw}"`);
  return n;
}
