import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS } from "@/lib/cached-pages";
import { testSql } from "./support/db";
import { seedComment, seedPaper } from "./support/discussion";
import { seedReader, signIn } from "./support/readers";

// The public pages are cached for everyone (lib/cached-pages.ts). These tests hold the cache to
// its promises: a change made anywhere shows within PAGE_EXPIRE_SECONDS, a change made through
// this site shows at once, and a reader always sees their own vote, on a page rendered before it.

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

// The documented bound, plus a render and a little slack for a loaded CI machine.
const WITHIN_DELAY = { timeout: (PAGE_EXPIRE_SECONDS + 5) * 1000, intervals: [500] };

const DAY = "2024-11-04"; // the math paper's day in the e2e seed

/** The page's HTML without the comments React puts between adjacent pieces of text. */
async function htmlOf(request: APIRequestContext, path: string) {
  return (await (await request.get(path)).text()).replaceAll("<!-- -->", "");
}

async function listedCount(request: APIRequestContext, path: string, paperId: string) {
  const html = await htmlOf(request, path);
  const card = html.split(`<h2 id="paper-${paperId}"`)[0];
  // The last count rendered before the paper's title is its upvote button's.
  const counts = [...card.matchAll(/data-testid="upvote-count">(\d+)</g)];
  return Number(counts.at(-1)?.[1]);
}

async function firstPaperOn(request: APIRequestContext, path: string) {
  const html = await htmlOf(request, path);
  return html.match(/<h2 id="paper-([^"]+)"/)![1];
}

async function voteAs(page: Page, paperId: string) {
  const response = await page.request.post("/api/votes/papers", { data: { paperId, upvoted: true } });
  expect(response.status()).toBe(200);
}

test("the lists are served from the cache, and another reader's vote shows within the documented delay", async ({ page, request }) => {
  const path = `/papers/date/${DAY}`;
  const paperId = await firstPaperOn(request, path);
  const again = await request.get(path);
  expect(again.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  const before = await listedCount(request, path, paperId);

  const voter = await seedReader(sql, "cache_voter");
  await signIn(page, voter.email);
  await voteAs(page, paperId);

  await expect.poll(() => listedCount(request, path, paperId), WITHIN_DELAY).toBe(before + 1);
});

test("trending is served from the cache too, and a vote shows there within the documented delay", async ({ page, request }) => {
  const paperId = await firstPaperOn(request, "/trending");
  const again = await request.get("/trending");
  expect(again.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  const before = await listedCount(request, "/trending", paperId);

  const voter = await seedReader(sql, "cache_trend_voter");
  await signIn(page, voter.email);
  await voteAs(page, paperId);

  await expect.poll(() => listedCount(request, "/trending", paperId), WITHIN_DELAY).toBe(before + 1);
});

test("a reader sees their own vote at once, even on a page cached before they cast it", async ({ page, request }) => {
  const path = `/papers/date/${DAY}`;
  const paperId = await firstPaperOn(request, path);
  const cachedCount = await listedCount(request, path, paperId); // primes the cache

  const reader = await seedReader(sql, "cache_self");
  await signIn(page, reader.email);
  await voteAs(page, paperId);
  await page.goto(path);
  const card = page.locator("main ol > li").filter({ has: page.locator(`[id="paper-${paperId}"]`) });
  const button = card.getByRole("button", { name: /upvote/i }).first();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  // The live count from /api/me/votes, not the cached one, which may predate this vote.
  const [{ live }] = await sql<{ live: number }[]>`select upvote_count as live from papers where id = ${paperId}`;
  expect(live).toBeGreaterThanOrEqual(cachedCount + 1);
  await expect(button.getByTestId("upvote-count")).toHaveText(String(live));
});

test("a change made behind the site's back (another server, a script) reaches a cached paper page within the delay", async ({ page }) => {
  const author = await seedReader(sql, "cache_author");
  const paperId = await seedPaper(sql, "Caching without tears");
  await page.goto(`/papers/${paperId}`);
  await expect(page.getByRole("heading", { name: "Discussion (0)" })).toBeVisible();

  await seedComment(sql, { paperId, author, body: "Written straight into the database.", minutesAgo: 1 });
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("heading", { name: /^Discussion/ }).textContent();
    }, WITHIN_DELAY)
    .toBe("Discussion (1)");
});

test("a comment posted through the site shows on the cached paper page at once, for everyone", async ({ page, browser }) => {
  const paperId = await seedPaper(sql, "Invalidation on write");
  const stranger = await browser.newPage();
  await stranger.goto(`/papers/${paperId}`); // cached, with no comments
  await expect(stranger.getByRole("heading", { name: "Discussion (0)" })).toBeVisible();

  const writer = await seedReader(sql, "cache_writer");
  await signIn(page, writer.email);
  await page.goto(`/papers/${paperId}`);
  await page.getByLabel("Add a comment").fill("Fresh for everyone, not in five seconds.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();

  await stranger.reload(); // no waiting: the action invalidated this page
  await expect(stranger.getByRole("heading", { name: "Discussion (1)" })).toBeVisible();
  await expect(stranger.getByText("Fresh for everyone, not in five seconds.")).toBeVisible();
  await stranger.close();
});

test("a cached page nobody has opened for PAGE_EXPIRE_SECONDS is rendered afresh for its next reader", async ({ request }) => {
  const author = await seedReader(sql, "cache_expiry_author");
  const paperId = await seedPaper(sql, "Expiry without readers");
  const path = `/papers/${paperId}`;
  expect(await htmlOf(request, path)).toContain("Discussion (0)");
  const cached = await request.get(path);
  expect(cached.headers()["x-nextjs-cache"]).toBe("HIT");

  await seedComment(sql, { paperId, author, body: "Written while nobody was reading.", minutesAgo: 1 });
  // Nobody asks for the page for longer than its expiry: the one thing this test is about, so a
  // fixed wait rather than polling (each poll would be a reader, and a stale page would be served).
  await new Promise((resolve) => setTimeout(resolve, (PAGE_EXPIRE_SECONDS + 1) * 1000));

  const first = await htmlOf(request, path);
  expect(first.match(/Discussion \(\d+\)/)?.[0]).toBe("Discussion (1)");
  expect(first.includes("Written while nobody was reading."), "the new comment is in the first answer").toBe(true);
});
