import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { configFromEnv, openDb, pgliteOf, type DbConfig } from "@/db/client";
import { todayUtc } from "@/lib/dates";
import type { SeedTarget } from "./connection";
import { progressBar } from "./copy";
import { seedSynthetic, SYNTHETIC_PASSWORD } from "./seed";
import type { SeedSizes } from "./generate";

// `npm run bench:seed -- --papers 100000 --users 20000 --votes 1000000 --comments 200000`: the
// synthetic benchmark dataset in the app's (migrated) database: the PostgreSQL server at
// DATABASE_URL, or, when it is unset, the embedded PGlite in PGLITE_DIR (.data/pglite), under the
// same lock as the app, so it refuses to run while the app has it open. See bench/seed/seed.ts.

export const DEFAULT_SIZES: SeedSizes = { papers: 100_000, users: 20_000, votes: 1_000_000, comments: 200_000 };

export function parseSeedArgs(argv: string[]): SeedSizes {
  const { values } = parseArgs({
    args: argv,
    options: { papers: { type: "string" }, users: { type: "string" }, votes: { type: "string" }, comments: { type: "string" } },
    strict: true,
  });
  const sizes = { ...DEFAULT_SIZES };
  for (const key of Object.keys(sizes) as (keyof SeedSizes)[]) {
    const raw = values[key];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0) throw new Error(`--${key} must be a whole number ≥ 0, got "${raw}"`);
    sizes[key] = n;
  }
  if (sizes.users === 0 && (sizes.votes > 0 || sizes.comments > 0 || sizes.papers > 0)) throw new Error("--users must be at least 1");
  return sizes;
}

/** Opens the database the app would use, in the way bench:seed writes to it fastest. */
export function openSeedTarget(config: DbConfig): { target: SeedTarget; close: () => Promise<void> } {
  if (config.kind === "server") {
    const sql = postgres(config.url, { max: 1, onnotice: () => {} });
    return { target: sql, close: () => sql.end() };
  }
  // PGlite would make an empty database there; the seed needs the migrated one.
  if (!fs.existsSync(path.join(config.dir, "PG_VERSION"))) {
    throw new Error(`no embedded database in ${path.resolve(config.dir)}: run \`npm run db:migrate\` first (with the same PGLITE_DIR)`);
  }
  const handle = openDb(config);
  return { target: pgliteOf(handle.db), close: handle.close };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = parseSeedArgs(process.argv.slice(2));
  const config = configFromEnv();
  console.log(`bench:seed: into ${config.kind === "server" ? "the PostgreSQL server in DATABASE_URL" : `the embedded database in ${path.resolve(config.dir)}`}`);
  let database: ReturnType<typeof openSeedTarget> | undefined;
  try {
    database = openSeedTarget(config);
    const result = await seedSynthetic(database.target, sizes, { today: todayUtc(), progress: progressBar() });
    if (result.skipped) console.log("bench:seed: this database already holds exactly these sizes ending today; nothing to do.");
    for (const t of result.tables) console.log(`${t.table.padEnd(14)} ${String(t.rows).padStart(9)} rows  ${t.seconds.toFixed(1).padStart(6)} s  ${Math.round(t.rowsPerSecond).toLocaleString("en").padStart(9)} rows/s`);
    if (!result.skipped) console.log(`bench:seed: done in ${result.seconds.toFixed(1)} s (including ANALYZE). Synthetic users sign in as synth_N@synthetic.paperboard.local / "${SYNTHETIC_PASSWORD}".`);
    console.log(`bench:seed: papers whose counters differ from count(*): ${result.counterDrift}`);
    if (result.counterDrift > 0) process.exitCode = 1;
  } catch (error) {
    console.error("bench:seed failed:", error);
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
