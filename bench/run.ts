import { randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import path from "node:path";
import postgres from "postgres";
import { parseBenchArgs, type BenchOptions } from "./args";
import { benchDatabase, type BenchDatabase } from "./dataset";
import { explainQueries, formatExplainSummary, type PageQueries } from "./explain";
import { addBenchFixtures } from "./fixtures";
import { measure, weigh, type Measurement, type PageWeight } from "./measure";
import { combine, failures, formatTable, overBudget, formatWeights, growthRatio, median, withRatios, writeReport, type BenchReport } from "./report";
import { counterDrift } from "./seed/seed";
import { measureThroughNginx, NGINX_STATIC } from "./nginx";
import { freePort, withServer } from "./server";
import { startSqlCapture } from "./sql-capture";
import { writeStaticCopy } from "./static-copy";
import { benchTargets, HOME_SIGNED_IN, ME_SIGNED_IN, type Encoding, type Target } from "./targets";

// `npm run bench`: the production server on the bench's own database, loaded one target at a
// time with autocannon. Flags: see bench/args.ts and README, "Performance".
const options = parseBenchArgs(process.argv.slice(2));
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error("bench: set DATABASE_URL to a PostgreSQL server (postgres://postgres@127.0.0.1:5432/postgres here); the bench makes its own databases on it.");
  process.exit(2);
}

/** A freshly started server is served this long, unmeasured, before its first target (see measureAll). */
const WARM_UP_SECONDS = 15;
// The vote endpoint shares little code with the pages that warmed the server up: measured on its
// own, a cold one ran at 279 then 438 votes/s in back-to-back 8 s runs, 343 after one second of
// votes. So it gets a few seconds of votes first, from voters of its own (bench/fixtures.ts),
// each far under the per-account limit (120 a minute).
const WRITE_WARM_UP_SECONDS = 5;
const WARM_UP_VOTERS = 500;
const GROWTH_SMALL = { papers: 1_000, users: 2_000, votes: 10_000, comments: 2_000 };
const GROWTH_ROUNDS = 3;
const startedAt = new Date().toISOString();
const secret = randomBytes(33).toString("base64");
let removeStatic = () => {};
let exitCode = 1;
const database = await benchDatabase(serverUrl, options.dataset);
const sql = postgres(database.url, { max: 2, onnotice: () => {} });
try {
  if (options.build) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
  }
  const port = await freePort();
  // Configured as behind nginx (deploy/nginx.conf sets X-Real-IP), so voters can come from
  // addresses of their own (bench/targets.ts).
  const env = (url: string) => ({ DATABASE_URL: url, AUTH_SECRET: secret, AUTH_URL: `http://127.0.0.1:${port}`, TRUSTED_IP_HEADER: "x-real-ip" });

  // First start, through the SQL-capturing proxy: find the targets, add the bench's own rows,
  // weigh the pages and record what SQL the home and paper pages run.
  const capture = await startSqlCapture(database.url, await freePort(port + 1));
  const discovered = await withServer({ port, env: env(capture.url) }, async (origin) => {
    const listedPaperIds = await listedIds(origin);
    const fixtures = await addBenchFixtures(sql, {
      listedPaperIds,
      readers: options.smoke ? 5 : 50,
      voters: options.voters,
      warmUpVoters: options.smoke ? 0 : WARM_UP_VOTERS,
      secret,
    });
    const homeHtml = await (await fetch(`${origin}/`)).text();
    const targets = benchTargets({ origin, homeHtml, listedPaperIds, fixtures });
    const explain = await explainPages(origin, targets, capture.take);
    const weights: PageWeight[] = [];
    for (const target of targets.filter((t) => t.kind === "page")) weights.push(await weigh(origin, target));
    return { targets, homeHtml, explain, weights };
  });
  await capture.close();

  // The bench's own rows and the copy are on disk before anything is measured, not flushed by a
  // checkpoint in the middle of a target. Needs superuser (or pg_checkpoint); skipped otherwise.
  await sql`checkpoint`.catch(() => console.log("bench: could not CHECKPOINT (not a superuser); measuring anyway"));

  // Second start, straight to the database, with the home page's copy in public/ as the ceiling.
  removeStatic = writeStaticCopy(discovered.homeHtml);
  const { measured, votes, unanswered, viaNginx } = await withServer({ port, env: env(database.url) }, async (origin) => ({
    ...(await measureAll(origin, discovered.targets, options)),
    // Smoke runs stay short: the nginx setup is measured in full runs only.
    viaNginx: options.smoke ? null : await measureThroughNginx(origin, discovered.homeHtml, options),
  }));
  // Pages through nginx are compared with a file nginx serves itself; the rest with next start's.
  const results = [...withRatios(withCombined(measured), "static file (ceiling)"), ...(viaNginx ? withRatios(viaNginx, NGINX_STATIC) : [])];
  const growth = options.growth ? await measureGrowth(port, env, options) : null;

  const args = process.argv.slice(2);
  const report: BenchReport = {
    startedAt,
    command: ["npm run bench", ...(args.length ? ["--", ...args] : [])].join(" "),
    load: { connections: options.connections, durationSeconds: options.durationSeconds },
    dataset: { sizes: database.dataset, template: database.template, seed: database.seed },
    results,
    pageWeights: discovered.weights,
    votes,
    explain: discovered.explain,
    growth,
  };
  console.log(`\n${formatTable(results)}\n`);
  console.log(`${formatWeights(discovered.weights)}\n`);
  console.log(`${formatExplainSummary(discovered.explain)}\n`);
  console.log(`votes: ${votes.inserted} new votes in ${votes.seconds} s = ${votes.votesPerSecond.toFixed(0)} votes/s; papers whose upvote/comment counters differ from count(*): ${votes.counterDrift}`);
  if (growth) {
    const p50s = (side: typeof growth.small) => side.rounds.map((r) => r.p50).join(", ");
    console.log(`growth: home p50 ${growth.small.p50} ms at ${growth.small.papers} papers (rounds: ${p50s(growth.small)}), ${growth.large.p50} ms at ${growth.large.papers} papers (${p50s(growth.large)}), medians: ratio ${growth.ratio?.toFixed(2) ?? "n/a (a side completed no request)"}`);
  }
  // A smoke run's numbers mean nothing; only full runs are kept.
  if (!options.smoke) console.log(`bench: written ${writeReport(report, path.join(process.cwd(), "bench", "results"))}`);
  const failed = [...unanswered, ...failures(results, { completedRequired: !options.smoke }), ...overBudget(discovered.weights)];
  if (votes.counterDrift > 0) failed.push(`${votes.counterDrift} papers' counters differ from count(*) after the vote run`);
  for (const failure of failed) console.error(`bench: ${failure}`);
  exitCode = failed.length > 0 ? 1 : 0;
} catch (error) {
  console.error("bench failed:", error);
} finally {
  removeStatic();
  await sql.end();
  await database.teardown();
}
process.exit(exitCode);

/** The papers of the latest day's list, as the public API gives them. */
async function listedIds(origin: string): Promise<string[]> {
  const response = await fetch(`${origin}/api/daily_papers?limit=100`);
  if (!response.ok) throw new Error(`/api/daily_papers answered ${response.status}`);
  const ids = ((await response.json()) as { paper: { id: string } }[]).map((entry) => entry.paper.id);
  if (ids.length === 0) throw new Error("the database lists no papers on its latest day");
  return ids;
}

/**
 * Each page's statements: those of the first request that ran any (a page served from a cache runs
 * none until it revalidates, so it is asked again each second for up to 10 s), all explained; then
 * one more request's are only counted (what a warm request costs).
 */
async function explainPages(origin: string, targets: Target[], take: () => { text: string; params: (string | null)[] }[]): Promise<PageQueries[]> {
  const pages = targets.filter((t) => t.name === "home (anonymous)" || t.name === HOME_SIGNED_IN || t.name.startsWith("paper page"));
  const settle = () => new Promise((resolve) => setTimeout(resolve, 300)); // background revalidation, if any
  const explained: PageQueries[] = [];
  for (const target of pages) {
    const get = async () => (await fetch(`${origin}${target.path}`, { headers: target.vary?.(0).headers ?? {} })).text();
    await settle();
    take(); // whatever earlier requests still had in flight
    let first: ReturnType<typeof take> = [];
    let waited = 0;
    for (; waited <= 10_000 && first.length === 0; waited += 1_000) {
      if (waited > 0) await new Promise((resolve) => setTimeout(resolve, 700));
      await get();
      await settle();
      first = take();
    }
    await get();
    await settle();
    const warm = take().length;
    const result = await explainQueries(sql, target.name, target.path, first);
    const cached = waited > 1_000 ? `, seen only after ${(waited - 1_000) / 1_000} s of asking (a cached page revalidating)` : "";
    explained.push({ ...result, page: `${target.name} [${first.length} statements when rendered${cached}; ${warm} on the next request]` });
  }
  return explained;
}

async function measureAll(origin: string, targets: Target[], options: BenchOptions) {
  const measured: Measurement[] = [];
  const unanswered: string[] = [];
  let votes = { inserted: 0, seconds: options.durationSeconds, votesPerSecond: 0, counterDrift: 0 };
  // A freshly started server stays slow for its first ~10 s of load (V8 optimising Next's code
  // paths): measured back to back on one server, the home page ran at 361, then 506, then 614 and
  // 630 req/s in four-second windows, and the first target of a run ~35 % below the same page
  // measured next. Full runs first serve the first target for WARM_UP_SECONDS, unmeasured.
  if (!options.smoke && targets.length > 0) {
    console.log(`bench: warming the server up (${targets[0].name}, ${WARM_UP_SECONDS} s, not measured)`);
    await measure(origin, targets[0], options.encodings[0], { connections: options.connections, durationSeconds: WARM_UP_SECONDS });
  }
  for (const target of targets) {
    const encodings: Encoding[] = target.kind === "write" ? [options.encodings[0]] : options.encodings;
    for (const encoding of encodings) {
      console.log(`bench: ${target.name} ${target.path.slice(0, 80)} [${encoding}] (${options.connections} connections, ${options.durationSeconds} s)`);
      if (target.kind !== "write") {
        // Proves the route answers even when the load completes no request; then, in full runs, a
        // second of the same load warms it up (JIT, caches), so the first target is not the cold one.
        const warm = await fetch(`${origin}${target.path}`, { headers: target.vary?.(0).headers ?? {} });
        if (!warm.ok) unanswered.push(`${target.name} (${target.path}): answered ${warm.status}`);
        if (!options.smoke) await measure(origin, target, encoding, { connections: options.connections, durationSeconds: 1 });
      } else if (!options.smoke && target.warmUp) {
        await measure(origin, { ...target, vary: target.warmUp }, encoding, { connections: options.connections, durationSeconds: WRITE_WARM_UP_SECONDS });
      }
      const before = target.kind === "write" ? await countVotes() : 0;
      measured.push(await measure(origin, target, encoding, options));
      if (target.kind === "write") {
        const inserted = (await countVotes()) - before;
        votes = { inserted, seconds: options.durationSeconds, votesPerSecond: inserted / options.durationSeconds, counterDrift: await counterDrift(sql) };
      }
    }
  }
  return { measured, votes, unanswered };
}

/** Votes cast by the bench's voters (they start with none). */
async function countVotes(): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from votes v join users u on u.id = v.user_id where u.username like 'bench_voter_%'`;
  return row.n;
}

/** The signed-in home page as one visit: its HTML, then the reader's own requests (votes, and who is reading). */
function withCombined(measured: Measurement[]): Measurement[] {
  const out: Measurement[] = [];
  for (const m of measured) {
    out.push(m);
    const parts = [HOME_SIGNED_IN, ME_SIGNED_IN].map((name) => measured.find((p) => p.name === name && p.encoding === m.encoding));
    const present = parts.filter((p): p is Measurement => p !== undefined);
    // After the visit's last measured part, once per encoding.
    if (m === present.at(-1) && present.length >= 2 && parts[0] && parts[1]) out.push(combine(`home (signed in): HTML + ${present.length - 1} JSON`, present));
  }
  return out;
}

/**
 * The anonymous home page on a 1k-paper dataset and on the run's own. Both servers run at once
 * and are measured in turns, GROWTH_ROUNDS each (first one side, then the other), and each side's
 * median p50 is compared. Measured once each, back to back, the same page on two copies of one
 * build differed by up to 1.5× here from drift alone (2026-11-29: 184–306 req/s across six
 * alternating rounds on identical pages).
 */
async function measureGrowth(port: number, env: (url: string) => Record<string, string>, options: BenchOptions) {
  const encoding = options.encodings.includes("gzip") ? "gzip" : options.encodings[0];
  const home: Target = { name: "home (anonymous)", path: "/", kind: "page" };
  const smallPort = await freePort(port + 1);
  const small: BenchDatabase = await benchDatabase(serverUrl!, GROWTH_SMALL);
  try {
    // Each server sends links to its own AUTH_URL; the page is the same otherwise.
    const smallEnv = { ...env(small.url), AUTH_URL: `http://127.0.0.1:${smallPort}` };
    return await withServer({ port: smallPort, env: smallEnv }, (smallOrigin) =>
      withServer({ port, env: env(database.url) }, async (largeOrigin) => {
        for (const origin of [smallOrigin, largeOrigin]) {
          await fetch(`${origin}/`);
          console.log(`bench: growth, home page [${encoding}] at ${origin} (after ${WARM_UP_SECONDS} s unmeasured)`);
          await measure(origin, home, encoding, { connections: options.connections, durationSeconds: WARM_UP_SECONDS });
        }
        const rounds: { small: Measurement; large: Measurement }[] = [];
        for (let round = 1; round <= GROWTH_ROUNDS; round++) {
          // Each side goes first in turn, so neither always measures a machine the other warmed.
          const smallFirst = round % 2 === 1;
          console.log(`bench: growth, round ${round} of ${GROWTH_ROUNDS}: ${smallFirst ? "1k-paper side first" : "large side first"}`);
          const first = await measure(smallFirst ? smallOrigin : largeOrigin, home, encoding, options);
          const second = await measure(smallFirst ? largeOrigin : smallOrigin, home, encoding, options);
          rounds.push(smallFirst ? { small: first, large: second } : { small: second, large: first });
        }
        const side = (pick: (r: (typeof rounds)[number]) => Measurement) => ({
          p50: median(rounds.map((r) => pick(r).latencyMs.p50)),
          requestsPerSecond: median(rounds.map((r) => pick(r).requestsPerSecond)),
          requests: Math.min(...rounds.map((r) => pick(r).requests)),
          rounds: rounds.map((r) => ({ p50: pick(r).latencyMs.p50, requestsPerSecond: pick(r).requestsPerSecond })),
        });
        const [atSmall, atLarge] = [side((r) => r.small), side((r) => r.large)];
        return {
          encoding,
          small: { papers: GROWTH_SMALL.papers, ...atSmall },
          large: { papers: options.dataset.papers, ...atLarge },
          ratio: growthRatio(atSmall.p50, atLarge.p50, atSmall.requests, atLarge.requests),
        };
      }),
    );
  } finally {
    await small.teardown();
  }
}
