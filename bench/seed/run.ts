import { parseArgs } from "node:util";
import postgres from "postgres";
import { todayUtc } from "@/lib/dates";
import { progressBar } from "./copy";
import { seedSynthetic, SYNTHETIC_PASSWORD } from "./seed";
import type { SeedSizes } from "./generate";

// `npm run bench:seed -- --papers 100000 --users 20000 --votes 1000000 --comments 200000`: the
// synthetic benchmark dataset in the (migrated) database at DATABASE_URL. See bench/seed/seed.ts.

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

if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("bench:seed: set DATABASE_URL to a migrated PostgreSQL database (the embedded PGlite is not supported: use a server).");
    process.exit(2);
  }
  const sizes = parseSeedArgs(process.argv.slice(2));
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const result = await seedSynthetic(sql, sizes, { today: todayUtc(), progress: progressBar() });
    if (result.skipped) console.log("bench:seed: this database already holds exactly these sizes ending today; nothing to do.");
    for (const t of result.tables) console.log(`${t.table.padEnd(14)} ${String(t.rows).padStart(9)} rows  ${t.seconds.toFixed(1).padStart(6)} s  ${Math.round(t.rowsPerSecond).toLocaleString("en").padStart(9)} rows/s`);
    if (!result.skipped) console.log(`bench:seed: done in ${result.seconds.toFixed(1)} s (including ANALYZE). Synthetic users sign in as synth_N@synthetic.paperboard.local / "${SYNTHETIC_PASSWORD}".`);
    console.log(`bench:seed: papers whose counters differ from count(*): ${result.counterDrift}`);
    if (result.counterDrift > 0) process.exitCode = 1;
  } catch (error) {
    console.error("bench:seed failed:", error);
    process.exitCode = 1;
  } finally {
    await sql.end();
  }
}
