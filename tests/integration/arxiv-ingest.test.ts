import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb, type DbConfig } from "@/db/client";
import { listPaperOnDay, upsertPapers } from "@/db/queries/catalogue";
import { getPaper } from "@/db/queries/papers";
import { fetchArxivByIds, searchArxiv } from "@/lib/arxiv/client";
import { ArxivApiError, ArxivUnavailableError } from "@/lib/arxiv/errors";
import { parseAtomFeed, type ArxivEntry } from "@/lib/arxiv/parse-atom";
import { DEFAULT_CATEGORIES, submittedOnQuery } from "@/lib/arxiv/query";
import { runIngest, type PageReport } from "@/scripts/ingest/run";
import type { IngestOptions } from "@/scripts/ingest/args";
import { startFakeArxiv, type FakeArxiv } from "../support/fake-arxiv";
import { makeUser } from "../support/fixtures";
import { createTestDatabase } from "../support/test-database";

const INTERVAL_MS = 50;
const TIMEOUT_MS = 1_000;
const ARXIV_ENV = ["ARXIV_API_URL", "ARXIV_MIN_INTERVAL_MS", "ARXIV_TIMEOUT_MS"] as const;
const savedEnv = Object.fromEntries(ARXIV_ENV.map((name) => [name, process.env[name]]));

const DAY = "2024-01-23";
const DAY_QUERY = submittedOnQuery({ day: DAY, categories: DEFAULT_CATEGORIES });
const THREE_IDS = "2401.12509,hep-th/9711200,2206.06921";

let fake: FakeArxiv;
let database: { config: DbConfig; drop: () => Promise<void> };

beforeAll(async () => {
  fake = await startFakeArxiv();
  // getEnv() reads these on first use, which is after this point.
  process.env.ARXIV_API_URL = fake.url;
  process.env.ARXIV_MIN_INTERVAL_MS = String(INTERVAL_MS);
  process.env.ARXIV_TIMEOUT_MS = String(TIMEOUT_MS);
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.drop();
  await fake?.close();
  for (const name of ARXIV_ENV) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

beforeEach(async () => {
  fake.reset();
  const db = getDb();
  await db.execute(sql`delete from daily_entries`);
  await db.execute(sql`delete from paper_authors`);
  await db.execute(sql`delete from papers`);
});

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  const result = await getDb().execute(query);
  // postgres.js returns an array, PGlite an object with rows.
  return Array.isArray(result) ? (result as T[]) : (result as unknown as { rows: T[] }).rows;
}

async function tableCounts() {
  const [counts] = await rows<{ papers: number; authors: number; entries: number }>(sql`
    select (select count(*)::int from papers) as papers,
           (select count(*)::int from paper_authors) as authors,
           (select count(*)::int from daily_entries) as entries`);
  return { papers: Number(counts.papers), authors: Number(counts.authors), entries: Number(counts.entries) };
}

function serveDay() {
  ["0", "2", "4"].forEach((start, index) => fake.serve({ search_query: DAY_QUERY, start }, `day-2024-01-23-page-${index + 1}.xml`));
}

function dayOptions(overrides: Partial<IngestOptions> = {}): IngestOptions {
  return { day: DAY, source: { kind: "search", categories: [...DEFAULT_CATEGORIES] }, list: false, pageSize: 2, ...overrides };
}

async function ingest(options: IngestOptions) {
  const reports: PageReport[] = [];
  const summary = await runIngest(options, { onPage: (report) => reports.push(report) });
  return { reports, summary };
}

function entriesOf(fixture: string): ArxivEntry[] {
  return parseAtomFeed(fs.readFileSync(path.resolve("tests/fixtures/arxiv", fixture), "utf8")).entries;
}

function gapsBetweenRequests(): number[] {
  return fake.requests.slice(1).map((request, i) => request.at - fake.requests[i].at);
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe("fetching by ID", () => {
  it("asks for every ID in one request and stores papers with their authors in order", async () => {
    fake.serve({ id_list: THREE_IDS }, "ids-three-papers.xml");
    const entries = await fetchArxivByIds(["2401.12509", "arXiv:hep-th/9711200v2", "https://arxiv.org/abs/2206.06921"]);
    expect(fake.requests.map((r) => r.params)).toEqual([{ id_list: THREE_IDS, start: "0", max_results: "3" }]);

    expect(await upsertPapers({ entries })).toEqual({
      inserted: ["2401.12509", "hep-th/9711200", "2206.06921"],
      updated: [],
      unchanged: [],
    });
    expect(await getPaper({ id: "hep-th/9711200" })).toMatchObject({
      latestVersion: 3,
      title: "The Large N Limit of Superconformal Field Theories and Supergravity",
      publishedAt: new Date("1997-11-27T22:22:59Z"),
      updatedAt: new Date("1998-01-22T18:41:42Z"),
      categories: ["hep-th"],
      primaryCategory: "hep-th",
      authors: [{ name: "Juan M. Maldacena", affiliation: "Harvard University" }],
    });
    expect((await getPaper({ id: "2401.12509" }))?.authors).toEqual([
      { name: "Prateek Puri", affiliation: "RAND Corporation; Pardee RAND Graduate School" },
      { name: "Gabriel Hassler", affiliation: "RAND Corporation" },
      { name: "Anton Shenk", affiliation: null },
      { name: "Sai Katragadda", affiliation: null },
    ]);
    expect(await tableCounts()).toEqual({ papers: 3, authors: 6, entries: 0 });
  });

  it("splits long ID lists into batches; IDs arXiv does not know are simply absent", async () => {
    fake.serve({ id_list: "2401.99999,2401.12509" }, "empty.xml");
    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v3.xml");
    const entries = await fetchArxivByIds(["2401.99999", "2401.12509", "2206.06921"], { batchSize: 2 });
    expect(fake.requests.map((r) => [r.params.id_list, r.params.max_results])).toEqual([
      ["2401.99999,2401.12509", "2"],
      ["2206.06921", "1"],
    ]);
    expect(entries.map((e) => e.id)).toEqual(["2206.06921"]);
  });
});

describe("ingesting a day", () => {
  it("pages through the listing oldest first, storing each page", async () => {
    serveDay();
    const { reports, summary } = await ingest(dayOptions());
    expect(fake.requests.map((r) => r.params)).toEqual(
      ["0", "2", "4"].map((start) => ({
        search_query: DAY_QUERY,
        start,
        max_results: "2",
        sortBy: "submittedDate",
        sortOrder: "ascending",
      })),
    );
    expect(reports).toEqual([
      { page: 1, pages: 3, entries: 2, inserted: 2, updated: 0, listed: 0 },
      { page: 2, pages: 3, entries: 2, inserted: 2, updated: 0, listed: 0 },
      { page: 3, pages: 3, entries: 1, inserted: 1, updated: 0, listed: 0 },
    ]);
    expect(summary).toEqual({ pages: 3, entries: 5, inserted: 5, updated: 0, listed: 0, notFound: [] });
    expect(await tableCounts()).toMatchObject({ papers: 5, entries: 0 });
  });

  it("puts the papers on the day's list with --list, as the arXiv ingest (no submitter)", async () => {
    serveDay();
    const { summary } = await ingest(dayOptions({ list: true }));
    expect(summary.listed).toBe(5);
    const listed = await rows<{ day: string; submitted_by_id: string | null }>(
      sql`select day::text as day, submitted_by_id from daily_entries order by paper_id`,
    );
    expect(listed).toEqual(Array(5).fill({ day: DAY, submitted_by_id: null }));
  });

  it("is idempotent: running it again changes no row", async () => {
    serveDay();
    await ingest(dayOptions({ list: true }));
    const before = await tableCounts();
    const { reports, summary } = await ingest(dayOptions({ list: true }));
    expect(await tableCounts()).toEqual(before);
    expect(reports.map((r) => [r.inserted, r.updated, r.listed])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [0, 0, 0],
    ]);
    expect(summary).toMatchObject({ entries: 5, inserted: 0, updated: 0, listed: 0 });
  });

  it("stops on a page that comes back empty mid-listing, keeping the pages before it", async () => {
    serveDay();
    fake.serve({ search_query: DAY_QUERY, start: "2" }, "day-2024-01-23-empty-page.xml");
    const error = await rejection(ingest(dayOptions()));
    expect(error).toMatchObject({ name: "ArxivFeedError", problem: "page 2 came back empty although arXiv counts 5 results" });
    expect(await tableCounts()).toMatchObject({ papers: 2 });
  });

  it("ingests a list of IDs, naming those arXiv has nothing for", async () => {
    fake.serve({ id_list: "2206.06921,2401.99999" }, "id-2206.06921-v3.xml");
    const { reports, summary } = await ingest(dayOptions({ source: { kind: "ids", ids: ["2206.06921", "2401.99999"] } }));
    expect(reports).toEqual([{ page: 1, pages: 1, entries: 1, inserted: 1, updated: 0, listed: 0 }]);
    expect(summary.notFound).toEqual(["2401.99999"]);
  });
});

describe("when arXiv fails", () => {
  it("turns the error feed into an ArxivApiError and stores nothing", async () => {
    serveDay();
    fake.setMode("error-feed");
    const error = await rejection(ingest(dayOptions({ list: true })));
    expect(error).toBeInstanceOf(ArxivApiError);
    expect(error).toMatchObject({ arxivMessage: "incorrect id format for 1234.12345", status: 502 });
    expect(await rejection(fetchArxivByIds(["2401.12509"]))).toBeInstanceOf(ArxivApiError);
    expect(await tableCounts()).toEqual({ papers: 0, authors: 0, entries: 0 });
  });

  it("turns HTTP 500 into ArxivUnavailableError with the message a person reads, and stores nothing", async () => {
    serveDay();
    fake.setMode("status-500");
    const error = await rejection(ingest(dayOptions({ list: true })));
    expect(error).toBeInstanceOf(ArxivUnavailableError);
    expect(error).toMatchObject({
      reason: "http",
      upstreamStatus: 500,
      status: 503,
      message: "arXiv is not answering right now; try again in a few minutes.",
    });
    expect(await tableCounts()).toEqual({ papers: 0, authors: 0, entries: 0 });
  });

  it("gives up on a request that hangs after ARXIV_TIMEOUT_MS", async () => {
    fake.setMode("hang");
    const started = performance.now();
    const error = await rejection(fetchArxivByIds(["2401.12509"]));
    const waited = performance.now() - started;
    expect(error).toBeInstanceOf(ArxivUnavailableError);
    expect(error).toMatchObject({ reason: "timeout", detail: "the request timed out" });
    expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
    expect(waited).toBeLessThan(TIMEOUT_MS + 2_000);
    expect(fake.requests).toHaveLength(1);
  });
});

describe("versions", () => {
  it("a newer version updates the stored paper without duplicating it; an older one changes nothing", async () => {
    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v1.xml");
    const v1 = await fetchArxivByIds(["2206.06921"]);
    expect(await upsertPapers({ entries: v1 })).toMatchObject({ inserted: ["2206.06921"] });

    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v3.xml");
    const v3 = await fetchArxivByIds(["2206.06921"]);
    expect(await upsertPapers({ entries: v3 })).toEqual({ inserted: [], updated: ["2206.06921"], unchanged: [] });
    expect(await getPaper({ id: "2206.06921" })).toMatchObject({
      latestVersion: 3,
      publishedAt: new Date("2022-06-14T15:35:46Z"),
      updatedAt: new Date("2024-08-12T11:56:51Z"),
    });

    expect(await upsertPapers({ entries: v1 })).toEqual({ inserted: [], updated: [], unchanged: ["2206.06921"] });
    expect((await getPaper({ id: "2206.06921" }))?.latestVersion).toBe(3);
    expect(await tableCounts()).toEqual({ papers: 1, authors: 1, entries: 0 });
  });

  it("replaces title, abstract, categories and authors with a newer version's, never with an older one's", async () => {
    const [v3] = entriesOf("id-2206.06921-v3.xml");
    await upsertPapers({ entries: [v3] });
    const v4 = {
      ...v3,
      version: 4,
      title: "Attainable forms of Assouad spectra, revisited",
      abstract: "A new abstract.",
      categories: ["math.CA"],
      authors: [
        { name: "Alex Rutar", affiliations: ["University of St Andrews"] },
        { name: "A. Coauthor", affiliations: [] },
      ],
    };
    const stale = { ...v3, version: 2, title: "A stale title" };
    // In one batch, the highest version of each paper is the one that counts.
    expect(await upsertPapers({ entries: [v4, stale] })).toMatchObject({ updated: ["2206.06921"] });
    expect(await upsertPapers({ entries: [stale] })).toMatchObject({ unchanged: ["2206.06921"] });
    expect(await getPaper({ id: "2206.06921" })).toMatchObject({
      latestVersion: 4,
      title: v4.title,
      abstract: v4.abstract,
      categories: ["math.CA"],
      authors: [
        { name: "Alex Rutar", affiliation: "University of St Andrews" },
        { name: "A. Coauthor", affiliation: null },
      ],
    });
  });

  it("fills in a paper arXiv never described (like the demo seed's) at the same version", async () => {
    await getDb().execute(sql`insert into papers (id, title, abstract) values ('2401.12509', 'Seeded title', 'Seeded abstract')`);
    const [entry] = entriesOf("ids-three-papers.xml");
    expect(await upsertPapers({ entries: [entry] })).toMatchObject({ updated: ["2401.12509"] });
    expect(await getPaper({ id: "2401.12509" })).toMatchObject({ title: entry.title, categories: ["cs.SI", "cs.CL", "cs.MA"] });
    expect(await upsertPapers({ entries: [entry] })).toMatchObject({ unchanged: ["2401.12509"] });
  });
});

describe("listPaperOnDay", () => {
  it("lists a paper once per day and keeps the entry already there", async () => {
    await upsertPapers({ entries: entriesOf("ids-three-papers.xml") });
    const reader = await makeUser();
    const first = await listPaperOnDay({ paperId: "2401.12509", day: DAY, submittedById: reader.id });
    expect(first).toMatchObject({ created: true, entry: { paperId: "2401.12509", day: DAY, submittedById: reader.id } });
    const again = await listPaperOnDay({ paperId: "2401.12509", day: DAY, submittedById: null });
    expect(again).toEqual({ created: false, entry: first.entry });
    expect(await listPaperOnDay({ paperId: "2401.12509", day: "2024-01-24", submittedById: null })).toMatchObject({ created: true });
    expect(await tableCounts()).toMatchObject({ entries: 2 });
  });
});

describe("the rate limit", () => {
  it("spaces requests by at least ARXIV_MIN_INTERVAL_MS, even when they are made at once", async () => {
    serveDay();
    await ingest(dayOptions());
    await Promise.all(["0", "2", "4"].map((start) => searchArxiv({ query: DAY_QUERY, start: Number(start), maxResults: 2 })));
    expect(fake.requests).toHaveLength(6);
    for (const gap of gapsBetweenRequests()) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS);
  });
});

describe("npm run ingest", () => {
  // Server only: the CLI is a second process, and an embedded (PGlite) data directory may be open
  // in one process at a time. This test's process holds it, so db/client.ts's lock refuses the CLI.
  const serverOnly = it.skipIf(!process.env.DATABASE_URL);
  serverOnly("prints a line per page and exits 0; 3 when arXiv is down, busy or unreachable; 1 when it refuses the request; 2 on bad arguments", async () => {
    const [koopman] = entriesOf("day-2024-01-23-page-2.xml");
    await upsertPapers({ entries: [{ ...koopman, version: 1 }] }); // stored at v1; the listing has v2
    serveDay();

    const run = await runCli(["--date", DAY, "--list", "--page-size", "2"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split("\n")).toEqual([
      `Ingesting papers submitted on ${DAY} in cs.LG, cs.CL, cs.CV, cs.AI, stat.ML from ${fake.url}, listing them on ${DAY}.`,
      "page 1/3: 2 entries, 2 new, 0 updated, 2 listed",
      "page 2/3: 2 entries, 1 new, 1 updated, 2 listed",
      "page 3/3: 1 entry, 1 new, 0 updated, 1 listed",
      `Done: 5 entries, 4 new, 1 updated, 0 unchanged. 5 newly listed on ${DAY}.`,
    ]);
    expect(await tableCounts()).toMatchObject({ papers: 5, entries: 5 });
    for (const gap of gapsBetweenRequests()) expect(gap).toBeGreaterThanOrEqual(INTERVAL_MS);

    fake.setMode("status-500");
    const down = await runCli(["--date", DAY]);
    expect(down.code).toBe(3);
    expect(down.stderr).toContain("arXiv is not answering right now; try again in a few minutes. (arXiv answered HTTP 500)");

    fake.setMode("status-429"); // arXiv asking us to slow down: try again later, as for a 5xx
    const slowDown = await runCli(["--date", DAY]);
    expect(slowDown.code).toBe(3);
    expect(slowDown.stderr).toContain("(arXiv answered HTTP 429)");

    fake.setMode("error-feed"); // arXiv refused the request itself: retrying will not help
    const refused = await runCli(["--date", DAY]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Pages stored before this stay stored; run the same command again to finish.");

    const unreachable = await runCli(["--date", DAY], { ARXIV_API_URL: `http://127.0.0.1:${await closedPort()}/api/query` });
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).toMatch(/\(the request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);

    const badArgs = await runCli(["--date", "2024-13-01"]);
    expect(badArgs.code).toBe(2);
    expect(badArgs.stderr).toMatch(/has no month 13[\s\S]*Usage: npm run ingest/);
  });
});

/** A port nothing listens on: the one a server just gave back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function runCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  if (database.config.kind !== "server") throw new Error("the CLI test needs a PostgreSQL server");
  const child = spawn(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/ingest.ts", ...args], {
    env: {
      ...process.env,
      DATABASE_URL: database.config.url,
      ARXIV_API_URL: fake.url,
      ARXIV_MIN_INTERVAL_MS: String(INTERVAL_MS),
      ARXIV_TIMEOUT_MS: String(TIMEOUT_MS),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk) => (stdout += chunk));
  child.stderr.on("data", (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
