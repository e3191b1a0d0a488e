import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { prepareDatabase } from "../e2e/support/prepare-database";
import { parseBenchArgs } from "./args";
import { measure, type Measurement } from "./measure";
import { failures, formatTable, withRatios, writeReport } from "./report";
import { freePort, withServer } from "./server";
import { writeStaticCopy } from "./static-copy";
import { discoverTargets, STATIC_PATH } from "./targets";

// `npm run bench`: the production server on a fresh seeded database, loaded one target at a time
// with autocannon. Flags: --smoke, --no-build, --connections N, --duration SECONDS.
const options = parseBenchArgs(process.argv.slice(2));
if (!process.env.DATABASE_URL) {
  console.error("bench: set DATABASE_URL to a PostgreSQL server (postgres://postgres@127.0.0.1:5432/postgres here); a fresh database is made on it.");
  process.exit(2);
}

const startedAt = new Date().toISOString();
const database = await prepareDatabase();
let removeStatic = () => {};
let exitCode = 1;
try {
  if (options.build) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  const env = { DATABASE_URL: database.url, AUTH_SECRET: randomBytes(33).toString("base64"), AUTH_URL: `http://127.0.0.1:${port}` };

  // First start: find the targets and copy the home page. Second start: serve that copy too.
  const { targets, home } = await withServer({ port, env }, async (origin) => ({
    targets: await discoverTargets(origin),
    home: await (await fetch(`${origin}/`)).text(),
  }));
  removeStatic = writeStaticCopy(home);
  const results = await withServer({ port, env }, async (origin) => {
    const measured: Measurement[] = [];
    for (const target of targets) {
      console.log(`bench: ${target.name} ${target.path} (${options.connections} connections, ${options.durationSeconds} s)`);
      measured.push(await measure(origin, target, options));
    }
    return measured;
  });

  const args = process.argv.slice(2);
  const report = {
    startedAt,
    command: ["npm run bench", ...(args.length ? ["--", ...args] : [])].join(" "),
    load: { connections: options.connections, durationSeconds: options.durationSeconds },
    results: withRatios(results, targets.find((t) => t.path === STATIC_PATH)!.name),
  };
  console.log(`\n${formatTable(report.results)}\n`);
  // A smoke run's numbers mean nothing; only full runs are kept.
  if (!options.smoke) console.log(`bench: written ${writeReport(report, path.join(process.cwd(), "bench", "results"))}`);
  const failed = failures(results);
  for (const failure of failed) console.error(`bench: ${failure}`);
  exitCode = failed.length > 0 ? 1 : 0;
} catch (error) {
  console.error("bench failed:", error);
} finally {
  removeStatic();
  await database.teardown();
}
process.exit(exitCode);
