import { parseFeed } from "@rowanmanning/feed-parser";
import { Validator } from "@seriousme/openapi-schema-validator";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";
import { ApiComment, ApiDailyPaper, ApiPaper, ApiSearchResult } from "@/lib/api/schemas";
import { testSql } from "./support/db";

// The public API and feeds over HTTP, against the production build on the seeded database.

const sql = testSql();
// Its own old-style ID: reading.spec.ts expects hep-th/9901001 to be unknown.
const OLD_STYLE = "cond-mat/0512345";

test.beforeAll(async () => {
  // An old-style ID (with its slash) and a comment thread on it, in the catalogue but on no day,
  // so the other specs' lists are untouched.
  const [alice] = await sql<{ id: string }[]>`select id from users where username = 'alice'`;
  await sql`insert into papers (id, title, abstract, comment_count) values (${OLD_STYLE}, 'Old-style strings', 'Before 2007.', 1)
            on conflict (id) do nothing`;
  await sql`insert into comments (paper_id, author_id, body) values (${OLD_STYLE}, ${alice.id}, 'A comment on an old paper.')`;
});

test.afterAll(async () => {
  await sql.end();
});

const todayUtc = () => new Date().toISOString().slice(0, 10);

async function isoWeek(day: string) {
  const [row] = await sql<{ week: string }[]>`select to_char(${day}::date, 'IYYY-"W"IW') as week`;
  return row.week;
}

async function distinctListed(start: string, end: string) {
  return sql<{ paper_id: string }[]>`
    select distinct paper_id from daily_entries where day between ${start} and ${end} and hidden_at is null`;
}

async function getJson(request: APIRequestContext, path: string) {
  const response = await request.get(path);
  return { response, body: await response.json() };
}

test("daily_papers has every field of Hugging Face's shape, with the right types", async ({ request }) => {
  const { response, body } = await getJson(request, "/api/daily_papers");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=300");
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(Array.isArray(body)).toBe(true);
  expect(body.length).toBeGreaterThan(0);

  for (const item of body) {
    expect(typeof item.title).toBe("string");
    expect(typeof item.summary).toBe("string");
    expect(typeof item.thumbnail).toBe("string");
    expect(item.thumbnail).toMatch(/^http:\/\/localhost:\d+\/api\/papers\/.+\/thumbnail\.svg$/);
    expect(typeof item.numComments).toBe("number");
    expect(item.isAuthorParticipating).toBe(false);
    expect(new Date(item.publishedAt).toISOString()).toBe(item.publishedAt);
    for (const user of [item.submittedBy, item.paper.submittedOnDailyBy]) {
      expect(user).toEqual({ _id: expect.any(String), name: expect.any(String), fullname: expect.any(String), avatarUrl: expect.any(String), isPro: false, type: "user" });
    }
    const { paper } = item;
    expect(typeof paper.id).toBe("string");
    expect(typeof paper.title).toBe("string");
    expect(typeof paper.summary).toBe("string");
    expect(typeof paper.upvotes).toBe("number");
    expect(paper.discussionId).toBe(paper.id);
    expect(paper.authors.length).toBeGreaterThan(0);
    for (const author of paper.authors) expect(author).toEqual({ _id: expect.any(String), name: expect.any(String), hidden: false });
    expect(paper.publishedAt === null || new Date(paper.publishedAt).toISOString() === paper.publishedAt).toBe(true);
    expect(paper.submittedOnDailyAt).toBe(item.publishedAt);
  }
  ApiDailyPaper.array().parse(body); // and nothing the schema does not describe

  // No date: the latest day with papers, which the seed makes today.
  const today = await distinctListed(todayUtc(), todayUtc());
  expect(body.map((i: { paper: { id: string } }) => i.paper.id).sort()).toEqual(today.map((r) => r.paper_id).sort());
});

test("week and month windows hold the papers listed in them", async ({ request }) => {
  const week = await isoWeek(todayUtc());
  const [weekStart] = await sql<{ start: string; end: string }[]>`
    select to_char(date_trunc('week', ${todayUtc()}::date), 'YYYY-MM-DD') as start,
           to_char(date_trunc('week', ${todayUtc()}::date) + interval '6 days', 'YYYY-MM-DD') as end`;
  const { body: weekItems } = await getJson(request, `/api/daily_papers?week=${week}&limit=100`);
  expect(weekItems.map((i: { paper: { id: string } }) => i.paper.id).sort()).toEqual(
    (await distinctListed(weekStart.start, weekStart.end)).map((r) => r.paper_id).sort(),
  );

  const { body: november } = await getJson(request, "/api/daily_papers?month=2024-11");
  expect(november.map((i: { paper: { id: string } }) => i.paper.id)).toEqual(["2411.00042"]);
  expect(november[0].submittedBy).toBeNull(); // listed by no one in particular
});

test("pages are stable and complete", async ({ request }) => {
  const month = todayUtc().slice(0, 7);
  for (const sort of ["publishedAt", "trending"]) {
    const { body: all } = await getJson(request, `/api/daily_papers?month=${month}&sort=${sort}&limit=100`);
    const paged: string[] = [];
    for (let p = 0; p * 7 < all.length + 7; p++) {
      const { body: page } = await getJson(request, `/api/daily_papers?month=${month}&sort=${sort}&limit=7&p=${p}`);
      expect(page.length).toBeLessThanOrEqual(7);
      paged.push(...page.map((i: { paper: { id: string } }) => i.paper.id));
    }
    expect(paged).toEqual(all.map((i: { paper: { id: string } }) => i.paper.id));
  }
  const { body: trending } = await getJson(request, `/api/daily_papers?date=${todayUtc()}&sort=trending`);
  const votes = trending.map((i: { paper: { upvotes: number } }) => i.paper.upvotes);
  expect(votes).toEqual([...votes].sort((a, b) => b - a)); // no pins in the seed
});

test("the submitter filter keeps one reader's entries", async ({ request }) => {
  const { body } = await getJson(request, `/api/daily_papers?month=${todayUtc().slice(0, 7)}&submitter=alice&limit=100`);
  expect(body.length).toBeGreaterThan(0);
  for (const item of body) expect(item.submittedBy.name).toBe("alice");
});

test("bad parameters get a 400 that names them, and is not cached", async ({ request }) => {
  const cases: [string, string][] = [
    ["/api/daily_papers?limit=0", "limit"],
    ["/api/daily_papers?limit=101", "limit"],
    ["/api/daily_papers?p=first", "p"],
    ["/api/daily_papers?date=2025-02-30", "date"],
    ["/api/daily_papers?week=2025-W60", "week"],
    ["/api/daily_papers?month=2025-13", "month"],
    ["/api/daily_papers?date=2025-02-14&month=2025-02", "month"],
    ["/api/daily_papers?sort=hot", "sort"],
    ["/api/papers/search", "q"],
    [`/api/papers/search?q=${"x".repeat(251)}`, "q"],
    ["/api/papers/search?q=x&limit=121", "limit"],
  ];
  for (const [path, parameter] of cases) {
    const { response, body } = await getJson(request, path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()["cache-control"], path).toBe("no-store");
    expect(body, path).toEqual({ error: { code: "invalid_input", message: expect.stringContaining(parameter), parameter } });
  }
});

test("papers by ID, search and comments, old-style IDs included; 404 JSON for unknown ones", async ({ request }) => {
  const [listed] = await sql<{ id: string; title: string }[]>`
    select p.id, p.title from papers p join daily_entries e on e.paper_id = p.id where e.hidden_at is null order by p.id limit 1`;
  const { body: paper } = await getJson(request, `/api/papers/${listed.id}`);
  expect(ApiPaper.parse(paper)).toMatchObject({ id: listed.id, title: listed.title, submittedOnDailyBy: { type: "user" } });

  const { body: old } = await getJson(request, `/api/papers/${OLD_STYLE}`);
  expect(ApiPaper.parse(old)).toMatchObject({ id: OLD_STYLE, title: "Old-style strings" });
  const { body: comments } = await getJson(request, `/api/papers/${OLD_STYLE}/comments`);
  expect(ApiComment.array().parse(comments)).toEqual([expect.objectContaining({ body: "A comment on an old paper.", parentId: null, author: expect.objectContaining({ name: "alice" }) })]);

  const word = listed.title.split(/\s+/).find((w) => /^[A-Za-z]{5,}$/.test(w)) ?? listed.title.split(/\s+/)[0];
  const { response: searched, body: results } = await getJson(request, `/api/papers/search?q=${encodeURIComponent(word)}&limit=120`);
  expect(searched.status()).toBe(200); // not taken for a paper called "search"
  expect(ApiSearchResult.array().parse(results).map((r) => r.paper.id)).toContain(listed.id);

  for (const path of ["/api/papers/2401.99999", `/api/papers/hep-th/9901999/comments`, "/api/papers/not-an-id"]) {
    const { response, body } = await getJson(request, path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-type"]).toContain("application/json");
    expect(body.error.code).toBe("not_found");
  }

  const thumbnail = await request.get(`/api/papers/${listed.id}/thumbnail.svg`);
  expect(thumbnail.headers()["content-type"]).toBe("image/svg+xml; charset=utf-8");
  expect(XMLValidator.validate(await thumbnail.text())).toBe(true);
});

test("the OpenAPI document validates and lists every path", async ({ request, baseURL }) => {
  const { response, body } = await getJson(request, "/api/openapi.json");
  expect(response.status()).toBe(200);
  const validator = new Validator();
  const result = await validator.validate(body);
  expect(result.errors ?? []).toEqual([]);
  expect(validator.version).toBe("3.1");
  expect(body.servers).toEqual([{ url: new URL(baseURL!).origin }]);
  expect(Object.keys(body.paths).sort()).toEqual([
    "/api/daily_papers",
    "/api/papers/search",
    "/api/papers/{id}",
    "/api/papers/{id}/comments",
    "/api/papers/{id}/thumbnail.svg",
  ]);
});

test("feeds are served with their media types, absolute links and valid XML", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const feeds: [string, string][] = [
    ["/feed.xml", "application/rss+xml"],
    ["/feed.atom", "application/atom+xml"],
    [`/feeds/daily/${todayUtc()}.xml`, "application/rss+xml"],
    [`/feeds/daily/${todayUtc()}.atom`, "application/atom+xml"],
    ["/trending/feed.xml", "application/rss+xml"],
    ["/trending/feed.atom", "application/atom+xml"],
    [`/feeds/comments/${OLD_STYLE}.xml`, "application/rss+xml"],
    [`/feeds/comments/${OLD_STYLE}.atom`, "application/atom+xml"],
  ];
  const today = (await distinctListed(todayUtc(), todayUtc())).map((r) => r.paper_id).sort();
  for (const [path, type] of feeds) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe(`${type}; charset=utf-8`);
    const xml = await response.text();
    expect(XMLValidator.validate(xml), path).toBe(true);
    const feed = parseFeed(xml);
    expect(feed.self, path).toBe(`${origin}${path}`);
    expect(feed.items.length, path).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(item.url, path).toMatch(new RegExp(`^${origin}/papers/`));
      expect(item.id, path).toMatch(/^paperboard:(paper|comment):/);
      expect(item.published, path).toBeInstanceOf(Date);
    }
    if (path.startsWith("/feed.") || path.startsWith("/feeds/daily/")) {
      expect(feed.items.map((i) => i.id!.split(":")[2]).sort(), path).toEqual(today);
    }
  }
  expect((await request.get("/feeds/daily/2025-02-30.xml")).status()).toBe(404);
  // A day still to come has no feed (it would be dated in the future).
  const tomorrow = new Date(Date.parse(`${todayUtc()}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  expect((await request.get(`/feeds/daily/${tomorrow}.xml`)).status()).toBe(404);
  expect((await request.get("/feeds/comments/2401.99999.xml")).status()).toBe(404);
});

test("pages advertise the feeds in their <head>", async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const links = (html: string) =>
    [...html.matchAll(/<link[^>]+rel="alternate"[^>]*>/g)].map((m) => ({
      type: /type="([^"]+)"/.exec(m[0])?.[1],
      href: /href="([^"]+)"/.exec(m[0])?.[1],
    }));
  const home = links(await (await request.get("/")).text());
  expect(home).toEqual(
    expect.arrayContaining([
      { type: "application/rss+xml", href: `${origin}/feed.xml` },
      { type: "application/atom+xml", href: `${origin}/feed.atom` },
      { type: "application/rss+xml", href: `${origin}/trending/feed.xml` },
    ]),
  );
  const day = links(await (await request.get(`/papers/date/${todayUtc()}`)).text());
  expect(day).toEqual(expect.arrayContaining([{ type: "application/rss+xml", href: `${origin}/feeds/daily/${todayUtc()}.xml` }, { type: "application/rss+xml", href: `${origin}/feed.xml` }]));
  // A paper page offers its discussion's feed.
  const paper = links(await (await request.get(`/papers/${OLD_STYLE}`)).text());
  expect(paper).toEqual(
    expect.arrayContaining([
      { type: "application/rss+xml", href: `${origin}/feeds/comments/${OLD_STYLE}.xml` },
      { type: "application/atom+xml", href: `${origin}/feeds/comments/${OLD_STYLE}.atom` },
      { type: "application/rss+xml", href: `${origin}/feed.xml` },
    ]),
  );
});
