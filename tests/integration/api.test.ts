import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { GET as dailyPapersRoute } from "@/app/api/daily_papers/route";
import { GET as paperRoute } from "@/app/api/papers/[...id]/route";
import { GET as searchRoute } from "@/app/api/papers/search/route";
import { getApiPaper, getDailyPapers } from "@/db/queries/api";
import { getRankedList } from "@/db/queries/daily-list";
import { getTrendingPaperRows } from "@/db/queries/feeds";
import { searchPapers } from "@/db/queries/search";
import { getTrending } from "@/db/queries/trending";
import { getDb } from "@/db/client";
import { comments, votes } from "@/db/schema";
import { ApiComment, ApiDailyPaper, ApiPaper, ApiSearchResult } from "@/lib/api/schemas";
import { PAGE_EXPIRE_SECONDS } from "@/lib/cached-pages";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;
let ada: Awaited<ReturnType<typeof makeUser>>;
let bob: Awaited<ReturnType<typeof makeUser>>;

// 2025-03-03 is a Monday: 03..09 is ISO week 2025-W10. A crowded day (03-04) tests pagination:
// its 23 papers tie on votes in groups and some share a submission minute, so only the ID breaks
// every tie.
const CROWDED_DAY = "2025-03-04";
const crowdedIds = Array.from({ length: 23 }, (_, i) => `2503.1${String(i).padStart(4, "0")}`);

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  ada = await makeUser({ username: "ada", name: "Ada Lovelace" });
  bob = await makeUser({ username: "bob", name: "Bob Hopper", image: "https://avatars.example/bob.png" });

  await makePaper({ id: "2503.00001", upvoteCount: 5, title: "Sparse attention for long documents", authors: ["Grace Hopper", "Alan Turing"] });
  await makePaper({ id: "2503.00002", upvoteCount: 9, title: "Diffusion models at scale", abstract: "We train 100% of the weights_here." });
  await makePaper({ id: "2503.00003", upvoteCount: 5, title: "Attention is not explanation" });
  await makePaper({ id: "2503.00004", upvoteCount: 0, title: "Pinned by the editors" });
  await makePaper({ id: "2503.00005", upvoteCount: 100, title: "Hidden attention paper" });
  await makePaper({ id: "hep-th/9901001", upvoteCount: 1, title: "Old-style strings" });
  await makePaper({ id: "2503.00009", title: "Never listed" });

  await listPaper({ paperId: "2503.00001", day: "2025-03-03", minute: 30, submittedById: ada.id });
  await listPaper({ paperId: "2503.00003", day: "2025-03-03", minute: 10, submittedById: bob.id });
  await listPaper({ paperId: "2503.00002", day: "2025-03-03", minute: 50, submittedById: ada.id });
  await listPaper({ paperId: "2503.00004", day: "2025-03-03", minute: 60, pinnedPosition: 1 });
  await listPaper({ paperId: "2503.00005", day: "2025-03-03", minute: 70, hidden: true, submittedById: ada.id });
  await listPaper({ paperId: "2503.00001", day: "2025-03-06", submittedById: bob.id }); // again, same week
  await listPaper({ paperId: "hep-th/9901001", day: "2025-03-12", submittedById: bob.id }); // next week, same month
  await listPaper({ paperId: "2503.00002", day: "2025-04-02" }); // next month

  for (const [index, id] of crowdedIds.entries()) {
    await makePaper({ id, upvoteCount: index % 4, title: `Crowded ${index}` });
    await listPaper({ paperId: id, day: CROWDED_DAY, minute: index % 3, submittedById: index % 2 ? ada.id : bob.id });
  }
});

afterAll(async () => {
  await drop();
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const day = (d: string) => ({ start: d, end: d });

describe("getDailyPapers windows", () => {
  it("a day: its visible papers, pins honoured when ranked", async () => {
    const ranked = await getDailyPapers({ window: day("2025-03-03"), sort: "trending", limit: 100, offset: 0 });
    expect(ids(ranked)).toEqual(["2503.00004", "2503.00002", "2503.00003", "2503.00001"]);
    expect(ids(ranked)).toEqual(ids(await getRankedList({ start: "2025-03-03", end: "2025-03-03" })));
    const newest = await getDailyPapers({ window: day("2025-03-03"), sort: "publishedAt", limit: 100, offset: 0 });
    expect(ids(newest)).toEqual(["2503.00004", "2503.00002", "2503.00001", "2503.00003"]);
  });

  it("a week: every day of it, each paper once as first listed, pins ignored", async () => {
    const week = await getDailyPapers({ window: { start: "2025-03-03", end: "2025-03-09" }, sort: "trending", limit: 100, offset: 0 });
    expect(week).toHaveLength(4 + crowdedIds.length);
    expect(ids(week)).toEqual(ids(await getRankedList({ start: "2025-03-03", end: "2025-03-09" })));
    const twice = week.find((p) => p.id === "2503.00001")!;
    expect(twice.listing.submittedAt).toEqual(new Date("2025-03-03T08:30:00Z"));
    expect(twice.listing.submitter?.username).toBe("ada");
    expect(ids(week)).not.toContain("hep-th/9901001");
  });

  it("a month: the papers of all its weeks and none of the next month", async () => {
    const month = await getDailyPapers({ window: { start: "2025-03-01", end: "2025-03-31" }, sort: "publishedAt", limit: 100, offset: 0 });
    expect(ids(month)).toContain("hep-th/9901001");
    expect(month).toHaveLength(5 + crowdedIds.length);
    expect(month[0].id).toBe("hep-th/9901001"); // listed last, so first by publishedAt
  });

  it("carries full author lists and user rows", async () => {
    const [paper] = await getDailyPapers({ window: day("2025-03-03"), submitter: "bob", sort: "trending", limit: 1, offset: 0 });
    expect(paper).toMatchObject({ id: "2503.00003", authors: ["Ada Lovelace"], listing: { submitter: { username: "bob", image: "https://avatars.example/bob.png" } } });
  });
});

describe("pagination", () => {
  it.each(["trending", "publishedAt"] as const)("pages through everything exactly once (%s)", async (sort) => {
    const all = await getDailyPapers({ window: day(CROWDED_DAY), sort, limit: 100, offset: 0 });
    expect(all).toHaveLength(crowdedIds.length);
    const pages: string[] = [];
    for (let page = 0; page < 5; page++) pages.push(...ids(await getDailyPapers({ window: day(CROWDED_DAY), sort, limit: 5, offset: page * 5 })));
    expect(pages).toEqual(ids(all));
    expect(new Set(pages).size).toBe(crowdedIds.length);
    const again = await getDailyPapers({ window: day(CROWDED_DAY), sort, limit: 5, offset: 10 });
    expect(ids(again)).toEqual(pages.slice(10, 15));
  });

  it("goes past the end with an empty page", async () => {
    expect(await getDailyPapers({ window: day(CROWDED_DAY), sort: "trending", limit: 50, offset: 50 })).toEqual([]);
  });
});

describe("the submitter filter", () => {
  it("keeps the entries that reader made", async () => {
    const byAda = await getDailyPapers({ window: { start: "2025-03-01", end: "2025-03-31" }, submitter: "ada", sort: "trending", limit: 100, offset: 0 });
    expect(ids(byAda)).toEqual(expect.arrayContaining(["2503.00001", "2503.00002"]));
    expect(ids(byAda)).not.toContain("2503.00005"); // hidden
    expect(byAda.every((p) => p.listing.submitter?.username === "ada")).toBe(true);
    expect(byAda).toHaveLength(2 + Math.floor(crowdedIds.length / 2));
  });

  it("finds nothing for an unknown reader", async () => {
    expect(await getDailyPapers({ window: day("2025-03-03"), submitter: "nobody", sort: "trending", limit: 100, offset: 0 })).toEqual([]);
  });
});

describe("papers by ID", () => {
  it("returns any catalogue paper with its first visible listing", async () => {
    expect(await getApiPaper({ id: "hep-th/9901001" })).toMatchObject({ title: "Old-style strings", listing: { submitter: { username: "bob" } } });
    expect(await getApiPaper({ id: "2503.00009" })).toMatchObject({ listing: null });
    expect(await getApiPaper({ id: "2503.00005" })).toMatchObject({ listing: null }); // only listed hidden
    expect(await getApiPaper({ id: "2503.99999" })).toBeNull();
  });
});

describe("search", () => {
  // The API answers with the site's full-text search over papers that were (visibly) on the list.
  const search = async (q: string, limit = 10) => {
    const response = await searchRoute(new Request(`http://localhost:3500/api/papers/search?${new URLSearchParams({ q, limit: String(limit) })}`));
    expect(response.status).toBe(200);
    return ((await response.json()) as { paper: { id: string } }[]).map((r) => r.paper.id);
  };

  it("finds words in titles, abstracts and author names, in the same order as searchPapers", async () => {
    const expected = (await searchPapers({ q: "attention", filters: { from: null, to: null, listedOnly: true }, limit: 10 })).hits.map((h) => h.id);
    expect(expected).toEqual(expect.arrayContaining(["2503.00001", "2503.00003"]));
    expect(await search("attention")).toEqual(expected);
    expect(await search("attention sparse")).toEqual(["2503.00001"]);
    expect(await search("hopper attention")).toEqual(["2503.00001"]);
    expect(await search("attention", 1)).toHaveLength(1);
  });

  it("leaves out papers never (visibly) on the list", async () => {
    expect(await search("hidden")).toEqual([]);
    expect(await search("never listed")).toEqual([]);
  });
});

describe("the trending feed's query", () => {
  it("lists the papers of /trending, in its order", async () => {
    const now = new Date();
    const readers = await Promise.all(Array.from({ length: 3 }, () => makeUser()));
    const vote = (userId: string, paperId: string, hoursAgo: number) =>
      getDb().insert(votes).values({ userId, paperId, createdAt: new Date(now.getTime() - hoursAgo * 3_600_000) });
    await vote(readers[0].id, "2503.00003", 1);
    await vote(readers[1].id, "2503.00003", 2);
    await vote(readers[0].id, "hep-th/9901001", 3);
    const rows = await getTrendingPaperRows({ now, limit: 10 });
    expect(ids(rows)).toEqual((await getTrending({ now, limit: 10 })).map((p) => p.id));
  });
});

describe("the route handlers", () => {
  const get = (path: string) => new Request(`http://localhost:3500${path}`);
  const paper = (path: string) => paperRoute(get(`/api/papers/${path}`), { params: Promise.resolve({ id: path.split("/") }) });

  it("serve a week of the list in Hugging Face's shape", async () => {
    const response = await dailyPapersRoute(get("/api/daily_papers?week=2025-W10&sort=trending&limit=3&p=1"));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const items = ApiDailyPaper.array().parse(await response.json());
    const week = await getRankedList({ start: "2025-03-03", end: "2025-03-09" });
    expect(items.map((i) => i.paper.id)).toEqual(ids(week).slice(3, 6));
  });

  it("answer a repeated list request from memory, as fresh as the pages (lib/shared-result-cache.ts)", async () => {
    const path = "/api/daily_papers?date=2025-03-03&limit=5";
    const upvotesOf = async () => {
      const items = ApiDailyPaper.array().parse(await (await dailyPapersRoute(get(path))).json());
      return items.find((i) => i.paper.id === "2503.00001")!.paper.upvotes;
    };
    const before = await upvotesOf();
    await getDb().execute(sql`update papers set upvote_count = upvote_count + 1 where id = '2503.00001'`);
    // Within its freshness the same request gets the remembered answer; another request reads anew.
    expect(await upvotesOf()).toBe(before);
    const other = ApiDailyPaper.array().parse(await (await dailyPapersRoute(get("/api/daily_papers?date=2025-03-03&limit=6"))).json());
    expect(other.find((i) => i.paper.id === "2503.00001")!.paper.upvotes).toBe(before + 1);
    // …and the remembered answer itself catches up within the pages' delay (README: 10 seconds).
    await expect.poll(upvotesOf, { timeout: (PAGE_EXPIRE_SECONDS + 2) * 1000, interval: 500 }).toBe(before + 1);
    await getDb().execute(sql`update papers set upvote_count = upvote_count - 1 where id = '2503.00001'`);
  }, 20_000);

  it("refuse bad parameters with a 400 naming them", async () => {
    const response = await dailyPapersRoute(get("/api/daily_papers?date=2025-03-03&week=2025-W10"));
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: expect.any(String), parameter: "week" } });
    expect((await searchRoute(get("/api/papers/search?q=x&limit=500"))).status).toBe(400);
  });

  it("search", async () => {
    const results = ApiSearchResult.array().parse(await (await searchRoute(get("/api/papers/search?q=attention"))).json());
    expect(results.map((r) => r.paper.id)).toEqual(["2503.00001", "2503.00003"]);
  });

  it("serve papers and comments by old- and new-style IDs, and 404 JSON for unknown ones", async () => {
    const old = await paper("hep-th/9901001");
    expect(old.status).toBe(200);
    expect(ApiPaper.parse(await old.json())).toMatchObject({ id: "hep-th/9901001", submittedOnDailyBy: { name: "bob" } });
    expect((await (await paper("2503.00001v3")).json()).id).toBe("2503.00001");

    const [first] = await getDb().insert(comments).values({ paperId: "hep-th/9901001", authorId: ada.id, body: "Good." }).returning();
    await getDb().insert(comments).values({ paperId: "hep-th/9901001", authorId: bob.id, parentId: first.id, depth: 1, body: "Gone.", deletedAt: new Date() });
    const thread = ApiComment.array().parse(await (await paper("hep-th/9901001/comments")).json());
    expect(thread.map((c) => [c.parentId, c.body ?? null])).toEqual([
      [null, "Good."],
      [String(first.id), null],
    ]);

    for (const path of ["2503.99999", "2503.99999/comments", "not-a-paper", "2503.00001/nope"]) {
      const response = await paper(path);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });

  it("draw a thumbnail", async () => {
    const response = await paper("2503.00001/thumbnail.svg");
    expect(response.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(await response.text()).toContain("Sparse attention for long documents");
  });
});
