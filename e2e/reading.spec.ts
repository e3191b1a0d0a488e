import { expect, test } from "@playwright/test";
import { MATH_PAPER } from "./support/math-paper";
import { testSql } from "./support/db";
import { seedComment, seedPaper } from "./support/discussion";
import { PHONE, screenshotBothWidths } from "./support/screenshots";
import { seedReader } from "./support/readers";
import { addDays, formatDay, parseIsoWeek } from "@/lib/dates";
import { DAY_LIST_SIZE, PERIOD_PAGE_SIZE } from "@/lib/period-pages";

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

const todayUtc = () => new Date().toISOString().slice(0, 10);

async function todaysRanking(day: string) {
  // An independent statement of the ranking rule: pins, upvotes, earliest submission, ID.
  return sql<{ id: string; title: string; upvote_count: number }[]>`
    select p.id, p.title, p.upvote_count from daily_entries e join papers p on p.id = e.paper_id
    where e.day = ${day} and e.hidden_at is null
    order by e.pinned_position asc nulls last, p.upvote_count desc, e.submitted_at asc, p.id asc`;
}

async function periodRanking(start: string, end: string) {
  // A week or month: each paper once, as first submitted in the range; pins do not count.
  return sql<{ id: string; upvote_count: number }[]>`
    select p.id, p.upvote_count
    from (select distinct on (paper_id) paper_id, submitted_at from daily_entries
          where day between ${start} and ${end} and hidden_at is null order by paper_id, submitted_at) e
    join papers p on p.id = e.paper_id
    order by p.upvote_count desc, e.submitted_at asc, p.id asc
    limit ${PERIOD_PAGE_SIZE}`; // a period's first page
}

test("the home page is server-rendered with today's papers in rank order", async ({ page, request }, testInfo) => {
  const expected = await todaysRanking(todayUtc());
  expect(expected.length).toBeGreaterThan(0);

  // Titles are in the HTML response itself, not fetched by the browser.
  const html = await (await request.get("/")).text();
  for (const paper of expected) expect(html).toContain(paper.title.replace(/'/g, "&#x27;"));

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  // Compared by arXiv ID: titles with TeX render as KaTeX markup, and pinned ones carry a badge.
  await expect(page.locator("main ol > li span.font-mono")).toHaveText(expected.map((p) => p.id));
  await expect(page.locator("main ol > li").first()).toContainText(`arXiv:${expected[0].id}`);
  await expect(page.locator("main ol > li").first().getByRole("button", { name: `Upvote (${expected[0].upvote_count} upvotes)` })).toBeVisible();
  await screenshotBothWidths(page, testInfo, "home");
});

test("date navigation moves between days, skipping empty ones", async ({ page }) => {
  const days = await sql<{ day: string }[]>`
    select distinct day::text as day from daily_entries where hidden_at is null and day <= ${todayUtc()} order by day desc limit 2`;
  const [today, previous] = days.map((d) => d.day);

  await page.goto("/");
  await page.getByRole("navigation", { name: "Dates" }).getByRole("link", { name: /^Previous:/ }).click();
  await expect(page).toHaveURL(`/papers/date/${previous}`);
  await expect(page.locator(`time[datetime="${previous}"]`)).toBeVisible();
  const expected = await todaysRanking(previous);
  await expect(page.locator("main ol > li span.font-mono")).toHaveText(expected.map((p) => p.id));

  await page.getByRole("navigation", { name: "Dates" }).getByRole("link", { name: /^Next:/ }).click();
  await expect(page).toHaveURL(`/papers/date/${today}`);
});

test("before anything is listed for the day, the home page shows the latest day with papers, and says so", async ({ page }) => {
  // What "/" renders just after midnight UTC, until the day's first listing: the page for a day
  // with nothing listed yet. Tomorrow has nothing listed, so its page stands in for that morning.
  const today = todayUtc();
  const tomorrow = addDays(today, 1);
  expect(await sql`select 1 from daily_entries where day = ${tomorrow} and hidden_at is null`).toHaveLength(0);
  const expected = await todaysRanking(today);

  await page.goto(`/latest/${tomorrow}`);
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  await expect(page.getByText(`No papers on ${formatDay(tomorrow)} yet — showing ${formatDay(today)}, the most recent day with papers.`)).toBeVisible();
  await expect(page.locator("main ol > li span.font-mono")).toHaveText(expected.map((p) => p.id));
});

test("week and month views list their papers ranked together", async ({ page }, testInfo) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Dates" }).getByRole("link", { name: /^Week/ }).click();
  await expect(page).toHaveURL(/\/papers\/week\/\d{4}-W\d{2}$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Week");
  const week = parseIsoWeek(page.url().split("/").at(-1)!);
  if (!week.ok) throw new Error(`not a week: ${page.url()}`);
  const expected = await periodRanking(week.value.start, week.value.end);
  expect(expected.length).toBeGreaterThan(1);
  await expect(page.locator("main ol > li span.font-mono")).toHaveText(expected.map((p) => p.id));
  await expect(page.getByTestId("upvote-count")).toHaveText(expected.map((p) => String(p.upvote_count)));
  await screenshotBothWidths(page, testInfo, "week");

  // A week leads to its days so far, the last of them today.
  const days = page.getByRole("list", { name: "Days of this week" }).getByRole("link");
  await expect(days.last()).toHaveAttribute("href", `/papers/date/${todayUtc()}`);
  await days.last().click();
  await expect(page).toHaveURL(`/papers/date/${todayUtc()}`);

  await page.goto("/papers/month/2024-11");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Papers of November 2024");
  await expect(page.getByText("1 Nov 2024 to 30 Nov 2024")).toBeVisible();
  await expect(page.locator("main ol > li h2")).toHaveCount(1);
  // A month leads to its weeks, and a week says its dates as the rest of the site writes them.
  const weeks = page.getByRole("list", { name: "Weeks of this month" }).getByRole("link");
  await expect(weeks).toHaveText(["Week 44", "Week 45", "Week 46", "Week 47", "Week 48"]);
  await weeks.nth(1).click();
  await expect(page).toHaveURL("/papers/week/2024-W45");
  await expect(page.getByText("4 Nov 2024 to 10 Nov 2024")).toBeVisible();
  // Links to other periods say which, with the year (the month link read "Month", months "2024-11").
  await expect(page.getByRole("navigation", { name: "Dates" }).getByRole("link", { name: "November 2024" })).toHaveAttribute("href", "/papers/month/2024-11");
  await screenshotBothWidths(page, testInfo, "week-2024-W45");
  // A past day without papers says so, without a "yet" it will never reach.
  await page.goto("/papers/date/1995-01-02");
  await expect(page.getByRole("main")).toContainText("No papers were listed on");
});

test("a week or month lists its papers a page at a time", async ({ page }, testInfo) => {
  // Two more papers than a page holds, in a week of March 2019 that nothing else lists. Fixed IDs
  // and "on conflict" keep a repeated run's count the same.
  const count = PERIOD_PAGE_SIZE + 2;
  for (let i = 1; i <= count; i++) {
    const id = `1903.${String(i).padStart(5, "0")}`;
    await sql`insert into papers (id, title, abstract, upvote_count) values (${id}, ${`Paged paper ${i}`}, ${"An abstract for the paging test."}, ${100 - i}) on conflict do nothing`;
    await sql`insert into daily_entries (paper_id, day) values (${id}, ${addDays("2019-03-04", i % 7)}) on conflict do nothing`;
  }
  const titles = page.locator("main ol > li h2");
  const pager = page.getByRole("navigation", { name: "Pages of this list" });

  await page.goto("/papers/week/2019-W10");
  await expect(page.getByText(`${count} papers, ranked by upvotes; 1–${PERIOD_PAGE_SIZE} on this page`)).toBeVisible();
  await expect(titles).toHaveCount(PERIOD_PAGE_SIZE);
  await expect(titles.first()).toHaveText("Paged paper 1");
  await expect(pager).toContainText("Page 1 of 2");
  await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);

  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL("/papers/week/2019-W10/page/2");
  await expect(page).toHaveTitle(/^Week 10 of 2019, page 2 · Paperboard$/);
  await expect(titles).toHaveText([`Paged paper ${count - 1}`, `Paged paper ${count}`]);
  // Ranks carry on from the first page.
  await expect(page.locator(".paper-card-rank").first()).toHaveText(`Rank #${count - 1}`);
  await expect(page.locator("main ol")).toHaveAttribute("start", String(count - 1));
  await expect(pager.getByRole("link", { name: "Next page" })).toHaveCount(0);
  await screenshotBothWidths(page, testInfo, "week-page-2");

  await pager.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL("/papers/week/2019-W10");

  // The month holds the same papers, on the same pages.
  await page.goto("/papers/month/2019-03/page/2");
  await expect(titles).toHaveText([`Paged paper ${count - 1}`, `Paged paper ${count}`]);

  // A page the list does not reach is a 404 that says so.
  const past = await page.goto("/papers/week/2019-W10/page/3");
  expect(past?.status()).toBe(404);
  await expect(page.getByRole("main")).toContainText("This list has fewer pages: its first is at /papers/week/2019-W10.");
});

test("a day with more papers than its page holds says so, and its week lists them all", async ({ page }) => {
  const count = DAY_LIST_SIZE + 1;
  await sql`insert into papers (id, title, abstract)
    select '1903.1' || lpad(i::text, 4, '0'), 'Crowded day paper ' || i, 'An abstract for the crowded day.' from generate_series(1, ${count}::int) i
    on conflict do nothing`;
  await sql`insert into daily_entries (paper_id, day)
    select '1903.1' || lpad(i::text, 4, '0'), '2019-03-12' from generate_series(1, ${count}::int) i
    on conflict do nothing`;
  await page.goto("/papers/date/2019-03-12");
  await expect(page.locator("main ol > li h2")).toHaveCount(DAY_LIST_SIZE);
  await expect(page.getByText(`These are the day's top ${DAY_LIST_SIZE}; more were listed.`)).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Week 11 of 2019" }).last().click();
  await expect(page).toHaveURL("/papers/week/2019-W11");
  await expect(page.getByText(`${count} papers, ranked by upvotes`)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Pages of this list" })).toContainText(`Page 1 of ${Math.ceil(count / PERIOD_PAGE_SIZE)}`);
});

test("a paper page shows title, authors, abstract, links and rendered math", async ({ page }, testInfo) => {
  await page.goto(`/papers/${MATH_PAPER.id}`);
  const title = page.getByRole("heading", { level: 1 });
  await expect(title.locator(".katex")).toHaveCount(1);
  await expect(page.getByText("Emmy Noether, Srinivasa Ramanujan")).toBeVisible();
  const abstract = page.getByRole("region", { name: "Abstract" });
  await expect(abstract.locator(".katex-display")).toHaveCount(1); // $$…$$
  await expect(abstract.locator(".katex")).toHaveCount(2);
  await expect(abstract).not.toContainText("$$");
  await expect(page.getByRole("link", { name: "PDF" })).toHaveAttribute("href", `https://arxiv.org/pdf/${MATH_PAPER.id}`);
  await expect(page.getByRole("link", { name: "4 Nov 2024" })).toHaveAttribute("href", "/papers/date/2024-11-04");
  // Its categories were never recorded: the page leaves the line out rather than say so.
  await expect(page.getByRole("term").filter({ hasText: "Categories" })).toHaveCount(0);
  await screenshotBothWidths(page, testInfo, "paper");

  const categorised = await seedPaper(sql, "A categorised paper");
  await sql`update papers set categories = ${["cs.LG", "stat.ML"]} where id = ${categorised}`;
  await page.goto(`/papers/${categorised}`);
  await expect(page.getByRole("term").filter({ hasText: "Categories" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: "cs.LG, stat.ML" })).toBeVisible();
});

test("a seed paper page, and a versioned ID, route to the paper", async ({ page }) => {
  const [paper] = await sql<{ id: string; title: string }[]>`select id, title from papers where id = '2401.12509'`;
  await page.goto(`/papers/${paper.id}v2`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(paper.title);
  await expect(page.getByRole("note")).toContainText("You asked for version 2");
});

test("bad dates and IDs get 404 pages that say what was wrong", async ({ page, request }, testInfo) => {
  const cases: [string, RegExp][] = [
    ["/papers/date/2025-02-30", /February 2025 has 28 days/],
    ["/papers/week/2025-W60", /2025 has ISO weeks 01 to 52/],
    ["/papers/month/2025-13", /months run 01 to 12/],
    // Near the year 10000 a month page once looped until the server ran out of memory.
    ["/papers/month/9999-12", /too far ahead/],
    ["/papers/week/9999-W52", /too far ahead/],
    ["/papers/week/2025-W07/page/1", /Page 1 is the period's own address/],
    ["/papers/month/2025-02/page/02", /“02” is not a page number/],
    ["/papers/not-an-id", /is not an arXiv identifier/],
    ["/papers/2401.99999", /no paper with arXiv ID 2401.99999/],
    ["/papers/hep-th/9901001", /no paper with arXiv ID hep-th\/9901001/],
    ["/trending/junk", /There is nothing at \/trending\/junk/],
    ["/latest/2025-02-30", /There is nothing at \/latest\/2025-02-30/],
    // Addresses no route serves at all get the same page, run under the request's nonce.
    ["/no-such-page", /There is nothing at \/no-such-page/],
    ["/feeds", /There is nothing at \/feeds/],
  ];
  const WELL_FORMED_UNKNOWN = new Set(["/papers/2401.99999", "/papers/hep-th/9901001"]);
  // The reason appears once the page runs, so its scripts must pass the CSP (a build-time 404
  // carries no nonce: seen only on a freshly started server, before any page was re-rendered).
  const blocked: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/.test(message.text())) blocked.push(message.text());
  });
  for (const [path, message] of cases) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    // Malformed addresses are answered per request, so they leave nothing in the page cache; only
    // well-formed unknown IDs reach (and are remembered by) the paper route.
    if (!WELL_FORMED_UNKNOWN.has(path)) expect(response.headers()["x-nextjs-cache"], path).toBeUndefined();
    const visit = await page.goto(path);
    expect(visit?.status()).toBe(404);
    await expect(page.getByRole("main")).toContainText(message);
  }
  expect(blocked).toEqual([]);
  // Its page runs: the header offers to sign in, and its feed links name this server.
  await page.goto("/no-such-page");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  const origin = new URL(page.url()).origin;
  for (const href of await page.locator('link[rel="alternate"]').evaluateAll((links) => links.map((l) => l.getAttribute("href")))) {
    expect(href?.startsWith(origin), `${href} on ${origin}`).toBe(true);
  }
  // A paper we do not have yet can be submitted from its 404, as from a search for its ID.
  await page.goto("/papers/2401.99999v3");
  await page.getByRole("link", { name: "Submit 2401.99999" }).click();
  await expect(page).toHaveURL(/\/submit\?id=2401\.99999$/);
  await page.goto("/papers/date/2025-02-30");
  await screenshotBothWidths(page, testInfo, "not-found");
});

test("pages that are not 404s do not download the 404's reasons", async ({ request }) => {
  // A sentence only the reason's date parsing holds (lib/dates.ts parseDay).
  const REASON_CODE = "Days are written YYYY-MM-DD";
  for (const path of ["/", `/papers/${MATH_PAPER.id}`]) {
    const html = await (await request.get(path)).text();
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]);
    expect(scripts.length, path).toBeGreaterThan(3);
    for (const src of scripts) expect(await (await request.get(src)).text(), `${path}: ${src}`).not.toContain(REASON_CODE);
  }
});

test("a signed-out visit asks the server for the page and /api/me only: no prefetches, no signed-in menu", async ({ page }) => {
  const asked: string[] = [];
  const scripts: Promise<string>[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith("/_next/static/")) asked.push(`${url.pathname}${url.search}`);
  });
  page.on("response", (response) => {
    if (new URL(response.url()).pathname.endsWith(".js")) scripts.push(response.text().catch(() => ""));
  });
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  // Next's <Link> prefetched every link as it came into view (a dozen server renders per visit,
  // /signin and /submit among them): scroll them all into view, then let the network settle.
  await page.mouse.wheel(0, 20_000);
  await page.waitForLoadState("networkidle");
  expect(asked.filter((path) => path.includes("_rsc=") || !/^\/$|^\/api\/me(\?|$)|^\/icon\.svg\?/.test(path))).toEqual([]);
  expect(asked.filter((path) => path.startsWith("/api/me"))).toHaveLength(1);
  // The signed-in menu (components/signed-in-menu.tsx) is fetched only for someone signed in.
  for (const script of await Promise.all(scripts)) expect(script).not.toContain("Your profile (");
});

test("a future date says it has no papers yet", async ({ page }) => {
  const response = await page.goto("/papers/date/2099-01-01");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main")).toContainText("No papers on Thursday, 1 January 2099 yet");
});

test("the site works at 390 px wide", async ({ page }) => {
  await page.setViewportSize(PHONE);
  // A commenter with the longest display name settings allow, in one word, and a long heading.
  const longName = await seedReader(sql, "longname");
  await sql`update users set name = ${"W".repeat(50)} where id = ${longName.id}`;
  const paperId = await seedPaper(sql, "A paper discussed by someone with a long name");
  await seedComment(sql, { paperId, author: longName, body: `# ${"Heading".repeat(12)}\n\nSome words.` });
  for (const path of ["/", `/papers/${MATH_PAPER.id}`, "/papers/month/2024-11", `/papers/${paperId}`, `/u/${longName.username}`]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expect(page.getByRole("link", { name: "Paperboard" })).toBeVisible();
  }
});
