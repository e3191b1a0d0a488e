import { expect, test } from "@playwright/test";
import { testSql } from "./support/db";
import { PHONE, screenshotBothWidths } from "./support/screenshots";

const sql = testSql();

// A paper whose title is markup: it must come out as text, never run.
const HOSTILE = { id: "2412.00666", title: "<script>window.__pwned = true</script> Injection-proof <b>search</b>" };

test.beforeAll(async () => {
  await sql`insert into papers (id, title, abstract) values (${HOSTILE.id}, ${HOSTILE.title}, ${"We check that <img src=x onerror=alert(1)> stays text."})
            on conflict (id) do nothing`;
  await sql`insert into paper_authors (paper_id, position, name) values (${HOSTILE.id}, 0, 'Mallory Markup') on conflict do nothing`;
});

test.afterAll(async () => {
  await sql`delete from papers where id = ${HOSTILE.id}`;
  await sql.end();
});

const todayUtc = () => new Date().toISOString().slice(0, 10);
const results = (page: import("@playwright/test").Page) => page.getByRole("list", { name: "Search results, best match first" }).locator(":scope > li");

async function headerSearch(page: import("@playwright/test").Page, text: string) {
  const box = page.getByRole("banner").getByRole("searchbox", { name: "Search papers" });
  await box.fill(text);
  await box.press("Enter");
}

test("the header search box finds papers, best match first, with the matches highlighted", async ({ page }, testInfo) => {
  const expected = await sql<{ id: string }[]>`
    select id from papers where search_vector @@ websearch_to_tsquery('paperboard', 'diffusion')`;
  expect(expected.length).toBeGreaterThan(1);

  await page.goto("/");
  await headerSearch(page, "diffusion");
  await expect(page).toHaveURL(/\/search\?q=diffusion$/);
  await expect(page.getByRole("heading", { level: 1, name: "Search papers" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("status")).toHaveText(`${expected.length} papers match “diffusion”.`);
  await expect(results(page)).toHaveCount(expected.length);
  const first = results(page).first();
  // The best match has the word in its title, highlighted; abstract snippets highlight it too.
  await expect(first.locator("h2 mark").first()).toHaveText(/diffusion/i);
  await expect(results(page).locator("p mark").first()).toHaveText(/diffusion/i);
  expect(expected.map((p) => `paper-${p.id}`)).toContain(await first.locator("h2").getAttribute("id"));
  // The page's own form keeps the words, ready to refine.
  await expect(page.getByRole("searchbox", { name: "Search terms" })).toHaveValue("diffusion");
  await screenshotBothWidths(page, testInfo, "search-results");
});

test("a search for an author marks their name on the card, even past the first three", async ({ page }, testInfo) => {
  // A listed seed paper's fifth author: a card names only the first three before "+N".
  const [{ paperId, name }] = await sql<{ paperId: string; name: string }[]>`
    select a.paper_id as "paperId", a.name from paper_authors a
    where a.position = 4 and exists (select 1 from daily_entries e where e.paper_id = a.paper_id and e.hidden_at is null)
    order by a.paper_id limit 1`;
  await page.goto(`/search?q=${encodeURIComponent(`"${name}"`)}`);
  const card = results(page).filter({ has: page.locator(`[id="paper-${paperId}"]`) });
  const authors = card.locator(".paper-card-authors");
  await expect(authors).toContainText(`, … ${name}`);
  await expect(authors.locator("mark").last()).toHaveText(name.split(" ").at(-1)!);
  await screenshotBothWidths(page, testInfo, "search-author");
});

test("many matches come 20 to a page, with previous and next links that keep the query", async ({ page }, testInfo) => {
  const matching = await sql<{ n: number }[]>`select count(*)::int as n from papers where search_vector @@ websearch_to_tsquery('paperboard', 'model')`;
  const total = matching[0].n;
  expect(total).toBeGreaterThan(20); // the demo's papers: "model" is everywhere
  const pages = Math.ceil(total / 20);

  await page.goto("/search?q=model");
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toHaveText(`${total} papers match “model”; showing 1–20, best first.`);
  await expect(results(page)).toHaveCount(20);
  const pager = page.getByRole("navigation", { name: "Search result pages" });
  await expect(pager).toContainText(`Page 1 of ${pages}`);
  await expect(pager.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  const firstPageIds = await results(page).locator("h2").evaluateAll((titles) => titles.map((t) => t.id));
  await screenshotBothWidths(page, testInfo, "search-results-paged");

  await pager.getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/\/search\?q=model&page=2$/);
  await expect(status).toHaveText(`${total} papers match “model”; showing 21–${Math.min(40, total)}, best first.`);
  await expect(results(page)).toHaveCount(Math.min(20, total - 20));
  const secondPageIds = await results(page).locator("h2").evaluateAll((titles) => titles.map((t) => t.id));
  expect(secondPageIds.filter((id) => firstPageIds.includes(id))).toEqual([]);
  await expect(page).toHaveTitle(/Search: model \(page 2\)/);

  await pager.getByRole("link", { name: "Previous page" }).click();
  await expect(page).toHaveURL(/\/search\?q=model$/);
  await expect(results(page).first().locator("h2")).toHaveAttribute("id", firstPageIds[0]);

  // A page past the end says so and offers the last one; nonsense reads as the first page.
  await page.goto("/search?q=model&page=49");
  await expect(status).toContainText(`there is no page 49`);
  await page.getByRole("link", { name: `Go to page ${pages}` }).click();
  await expect(page).toHaveURL(pages > 1 ? new RegExp(`page=${pages}$`) : /q=model$/);
  await page.goto("/search?q=model&page=abc");
  await expect(status).toContainText("showing 1–20");
});

test("quoted phrases, -exclusions and or work as the help says", async ({ page }) => {
  const count = async (q: string) =>
    Number((await sql<{ n: number }[]>`select count(*)::int as n from papers where search_vector @@ websearch_to_tsquery('paperboard', ${q})`)[0].n);
  for (const q of ['"neural network"', "neural -network", "misinformation or fracture"]) {
    await page.goto(`/search?${new URLSearchParams({ q })}`);
    const n = await count(q);
    await expect(page.getByRole("main").getByRole("status")).toContainText(`${n} ${n === 1 ? "paper matches" : "papers match"}`);
    await expect(results(page)).toHaveCount(Math.min(n, 20)); // 20 to a page
  }
});

test("a title made of markup is shown as text and never runs", async ({ page }) => {
  await page.goto("/search?q=injection-proof");
  const card = results(page).first();
  await expect(card.locator("h2")).toHaveText("<script>window.__pwned = true</script> Injection-proof <b>search</b>");
  await expect(card.locator("h2 mark").first()).toHaveText("Injection");
  await expect(card).toContainText("<img src=x onerror=alert(1)>");
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await card.locator("script, b, img").count()).toBe(0);
});

test("filters keep papers listed in a date range", async ({ page }) => {
  const today = todayUtc();
  const [{ n }] = await sql<{ n: number }[]>`
    select count(distinct p.id)::int as n from papers p join daily_entries e on e.paper_id = p.id
    where e.hidden_at is null and e.day = ${today} and p.search_vector @@ websearch_to_tsquery('paperboard', 'model')`;
  await page.goto("/search?q=model");
  await page.locator("summary", { hasText: "Filter by the daily list" }).click();
  await page.getByLabel("Listed from").fill(today);
  await page.getByLabel("Listed until").fill(today);
  await page.getByRole("button", { name: "Search", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`from=${today}&to=${today}`));
  await expect(results(page)).toHaveCount(Number(n));
  const listed = await results(page).getByText(/^On the daily list/).allTextContents();
  const shortToday = new Date(`${today}T00:00:00Z`).toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "short", year: "numeric" });
  expect(listed.every((text) => text.includes(shortToday))).toBe(true);

  await page.goto("/search?q=model&from=2025-02-30");
  await expect(page.getByLabel("Listed from")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("main")).toContainText("February 2025 has 28 days");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Fix the dates above to search.");
});

test("an arXiv ID or link goes to the paper, or offers to submit it", async ({ page }, testInfo) => {
  const [paper] = await sql<{ title: string }[]>`select title from papers where id = '2401.12509'`;
  await page.goto("/");
  await headerSearch(page, "https://arxiv.org/abs/2401.12509");
  await expect(page).toHaveURL("/papers/2401.12509");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(paper.title);

  await headerSearch(page, "2401.99999v2");
  await expect(page.getByRole("main")).toContainText("We don't have 2401.99999 yet.");
  await expect(page.getByRole("link", { name: "Submit 2401.99999" })).toHaveAttribute("href", "/submit?id=2401.99999");
  await screenshotBothWidths(page, testInfo, "search-unknown-id");
});

test("empty, no-result and too-long searches say what to try", async ({ page }, testInfo) => {
  await page.goto("/search");
  await expect(page.getByRole("main")).toContainText("quotes for an exact phrase");
  await expect(page.getByRole("main")).toContainText("to exclude a word");
  await screenshotBothWidths(page, testInfo, "search-empty");

  await page.goto("/search?q=qwertyuiopasdf");
  await expect(page.getByRole("main").getByRole("status")).toHaveText("No papers match “qwertyuiopasdf”.");
  await expect(page.getByRole("main")).toContainText("Nothing found. Try fewer or different words");
  await expect(page.getByRole("main")).toContainText("or between alternatives");
  await screenshotBothWidths(page, testInfo, "search-no-results");

  await page.goto("/search?q=the");
  await expect(page.getByRole("main")).toContainText("has only very common words");
  await page.goto(`/search?q=${encodeURIComponent("% -")}`);
  await expect(page.getByRole("main")).toContainText("“% -” has no words in it.");

  await page.goto(`/search?q=${"a".repeat(251)}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your search is 251 characters long; searches can be at most 250.");
  await expect(results(page)).toHaveCount(0);
});

test("trending states its formula and explains each paper's place", async ({ page }, testInfo) => {
  await page.goto("/trending");
  await expect(page.getByRole("heading", { level: 1, name: "Trending" })).toBeVisible();
  await expect(page.getByTestId("trending-formula")).toHaveText("score = (upvotes + 0.5 × comments) ÷ (hours since listed + 2)1.8");
  // Every tie-break the order uses is stated (lib/trending.ts compareTrending).
  await expect(page.getByRole("main")).toContainText("Ties go to more upvotes, then the newer paper, then the lower arXiv ID");
  const items = page.getByRole("list", { name: "Trending papers, highest score first" }).locator(":scope > li");
  expect(await items.count()).toBeGreaterThan(3);

  const first = items.first();
  await first.getByText("Why here?").click();
  const why = first.locator("details dl");
  await expect(why).toBeVisible();
  await expect(why).toContainText(/\d+ upvotes? in the last 7 days/);
  await expect(why).toContainText(/hours since the list of/);
  // Scores go down the list.
  const scores = await items.evaluateAll((lis) => lis.map((li) => Number(li.querySelector("details dd.font-mono")?.textContent?.split("=").at(-1))));
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  await screenshotBothWidths(page, testInfo, "trending");
});

test("search and trending fit a 390 px screen", async ({ page }) => {
  await page.setViewportSize(PHONE);
  for (const path of ["/search?q=neural+network", "/search", "/trending"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
