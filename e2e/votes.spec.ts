import { expect, test, type Page } from "@playwright/test";
import { PAGE_EXPIRE_SECONDS } from "@/lib/cached-pages";
import { testSql } from "./support/db";
import { fillSignInForm, seedReader, signIn } from "./support/readers";
import { screenshotBothWidths } from "./support/screenshots";

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

async function counts(paperId: string, userId?: string) {
  const [row] = await sql<{ counter: number; rows: number; mine: number }[]>`
    select p.upvote_count as counter,
           (select count(*)::int from votes v where v.paper_id = p.id) as rows,
           (select count(*)::int from votes v where v.paper_id = p.id and v.user_id = ${userId ?? ""}) as mine
    from papers p where p.id = ${paperId}`;
  return row;
}

const cardOf = (page: Page, paperId: string) => page.locator("main ol > li").filter({ hasText: `arXiv:${paperId}` });
const upvoteIn = (scope: ReturnType<Page["locator"]> | Page) => scope.getByRole("button", { name: /upvote/i }).first();

test("a reader upvotes from the list, sees it kept, and takes it back", async ({ page }, testInfo) => {
  const reader = await seedReader(sql, "voter");
  await signIn(page, reader.email);
  const firstCard = page.locator("main ol > li").first();
  const paperId = (await firstCard.locator("span.font-mono").textContent())!;
  const before = await counts(paperId, reader.id);

  const button = upvoteIn(cardOf(page, paperId));
  await expect(button).toHaveAttribute("aria-pressed", "false");
  // Tabbing through the list, each button says which paper it is for.
  const title = (await cardOf(page, paperId).getByRole("heading", { level: 2 }).textContent())!.trim();
  await expect(button).toHaveAccessibleDescription(title);
  await button.click();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toContainText(String(before.counter + 1));
  await expect.poll(async () => (await counts(paperId, reader.id)).mine).toBe(1);

  await page.reload(); // the list remembers what this reader upvoted
  await expect(upvoteIn(cardOf(page, paperId))).toHaveAttribute("aria-pressed", "true");
  await screenshotBothWidths(page, testInfo, "home-signed-in");

  await upvoteIn(cardOf(page, paperId)).click();
  await expect(upvoteIn(cardOf(page, paperId))).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => await counts(paperId, reader.id)).toEqual({ ...before, mine: 0 });
});

test("a reader upvotes from the paper page and appears among its upvoters", async ({ page }, testInfo) => {
  const reader = await seedReader(sql, "fan");
  await signIn(page, reader.email);
  await page.goto("/papers/2306.06626");
  const before = await counts("2306.06626", reader.id);
  await upvoteIn(page).click();
  await expect(upvoteIn(page)).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await counts("2306.06626", reader.id)).counter).toBe(before.counter + 1);
  await page.reload();
  // The reader's own vote and its count show at once; the cached list of upvoters follows
  // within the documented delay (README, Page cache).
  await expect(upvoteIn(page)).toHaveAttribute("aria-pressed", "true");
  await expect(upvoteIn(page)).toContainText(String(before.counter + 1));
  await expect
    .poll(async () => {
      await page.reload();
      return page.getByRole("img", { name: `Reader ${reader.username}` }).count();
    }, { timeout: (PAGE_EXPIRE_SECONDS + 5) * 1000, intervals: [1000] })
    .toBe(1);
  await screenshotBothWidths(page, testInfo, "paper-upvoted");
});

test("a double click never shows a count the votes cannot reach, and ends where the database does", async ({ page }) => {
  const reader = await seedReader(sql, "doubleclick");
  await signIn(page, reader.email);
  const paperId = (await page.locator("main ol > li").first().locator("span.font-mono").textContent())!;
  const before = await counts(paperId, reader.id);
  const button = upvoteIn(cardOf(page, paperId));
  await expect(button).toHaveAttribute("aria-pressed", "false");
  // Every number the button shows, however briefly.
  await button.evaluate((element) => {
    const seen: string[] = [];
    (window as unknown as { seenCounts: string[] }).seenCounts = seen;
    const count = element.querySelector('[data-testid="upvote-count"]')!;
    new MutationObserver(() => seen.push(count.textContent ?? "")).observe(count, { characterData: true, childList: true, subtree: true });
  });

  let answered = 0;
  page.on("response", (response) => {
    if (response.url().endsWith("/api/votes/papers")) answered += 1;
  });
  await button.dblclick();
  // Two clicks: on, then off again. Once both votes are answered, the page and the database agree.
  await expect.poll(() => answered).toBe(2);
  expect((await counts(paperId, reader.id)).mine).toBe(0);
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).toContainText(String((await counts(paperId)).counter));
  const seen = (await page.evaluate(() => (window as unknown as { seenCounts: string[] }).seenCounts)).map(Number);
  expect(seen.length, "the page showed counts while the votes were in flight").toBeGreaterThan(0);
  expect(Math.max(...seen), `counts shown: ${seen.join(" → ")}`).toBeLessThanOrEqual(before.counter + 1);
});

test("a signed-out click goes to sign-in and comes back to the same paper", async ({ page }) => {
  const reader = await seedReader(sql, "returner");
  await page.goto("/papers/2401.12509");
  await upvoteIn(page).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fpapers%2F2401\.12509/);
  await fillSignInForm(page, reader.email);
  await expect(page).toHaveURL(/\/papers\/2401\.12509$/);
  await upvoteIn(page).click();
  await expect(upvoteIn(page)).toHaveAttribute("aria-pressed", "true");
  await expect.poll(async () => (await counts("2401.12509", reader.id)).mine).toBe(1);
});

test("when the server refuses, the button rolls back and says why", async ({ page }) => {
  const reader = await seedReader(sql, "banned");
  await signIn(page, reader.email);
  await page.goto("/papers/2403.09498");
  const before = await counts("2403.09498");
  await sql`update users set banned_at = now() where id = ${reader.id}`; // banned while reading
  await upvoteIn(page).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("suspended");
  await expect(upvoteIn(page)).toHaveAttribute("aria-pressed", "false");
  await expect(upvoteIn(page)).toContainText(String(before.counter));
  expect(await counts("2403.09498")).toEqual(before);
});

test("the vote endpoint refuses signed-out, cross-site and malformed requests, and limits new accounts", async ({ page }) => {
  const before = await counts("2502.15037");
  const signedOut = await page.request.post("/api/votes/papers", { data: { paperId: "2502.15037", upvoted: true } });
  expect(signedOut.status()).toBe(401);

  const reader = await seedReader(sql, "newbie", { ageDays: 0 }); // a fresh account: 30 votes a minute
  await signIn(page, reader.email);
  const crossSite = await page.request.post("/api/votes/papers", {
    data: { paperId: "2502.15037", upvoted: true },
    headers: { origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  const junk = await page.request.post("/api/votes/papers", { data: { paperId: "not-an-id", upvoted: true, userId: "someone-else" } });
  expect(junk.status()).toBe(400);
  expect((await junk.json()).error.code).toBe("invalid_input");
  expect(await counts("2502.15037")).toEqual(before);

  // limit + 1 requests in parallel: exactly the limit succeed, the rest get 429 with Retry-After.
  const responses = await Promise.all(
    Array.from({ length: 31 }, (_, i) => page.request.post("/api/votes/papers", { data: { paperId: "2502.15037", upvoted: i % 2 === 0 } })),
  );
  expect(responses.filter((r) => r.status() === 200)).toHaveLength(30);
  const limited = responses.filter((r) => r.status() === 429);
  expect(limited).toHaveLength(1);
  expect(Number(limited[0].headers()["retry-after"])).toBeGreaterThan(0);
  const after = await counts("2502.15037", reader.id);
  expect(after.counter).toBe(after.rows);
});

test("a page view asks who is reading and their votes in one request, and a client-side visit asks again", async ({ page }) => {
  const reader = await seedReader(sql, "oneask");
  await signIn(page, reader.email);
  const firstCard = page.locator("main ol > li").first();
  const paperId = (await firstCard.locator("span.font-mono").textContent())!;
  await upvoteIn(cardOf(page, paperId)).click();
  await expect.poll(async () => (await counts(paperId, reader.id)).mine).toBe(1);

  const asked: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.startsWith("/api/me")) asked.push(request.url());
  });
  await page.reload();
  await expect(upvoteIn(cardOf(page, paperId))).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible();
  expect(asked).toHaveLength(1);
  const listed = await page.locator("main ol > li span.font-mono").allTextContents();
  expect(new URL(asked[0]).pathname).toBe("/api/me");
  expect(new URL(asked[0]).searchParams.get("papers")?.split(",")).toEqual([...listed].sort());

  // Following the title loads the paper page, which asks about its own paper.
  await cardOf(page, paperId).locator("h2 a").click();
  await expect(page).toHaveURL(new RegExp(`/papers/${paperId.replace(".", "\\.")}$`));
  await expect.poll(() => asked.slice(1).some((url) => new URL(url).searchParams.get("papers")?.split(",").includes(paperId))).toBe(true);
  await expect(upvoteIn(page.getByRole("main"))).toHaveAttribute("aria-pressed", "true");

  // Back to the whole list: its papers are asked about once, not once per card (every button
  // asked again for itself: a list of n papers sent n + 1 requests).
  const beforeList = asked.length;
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Daily" }).click();
  await expect(upvoteIn(cardOf(page, paperId))).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("main ol > li")).toHaveCount(listed.length);
  expect(asked.length - beforeList, asked.slice(beforeList).join("\n")).toBeLessThanOrEqual(2);
});

test("/api/me answers votes only to their reader, and refuses a malformed list", async ({ page }) => {
  const signedOut = await page.request.get("/api/me?papers=2306.06626");
  expect(signedOut.status()).toBe(200);
  expect(await signedOut.json()).toEqual({ user: null });
  const malformed = await page.request.get("/api/me?papers=2306.06626,not-an-id");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_input");

  const reader = await seedReader(sql, "askme");
  await signIn(page, reader.email);
  await page.request.post("/api/votes/papers", { data: { paperId: "2306.06626", upvoted: true } });
  const mine = await (await page.request.get("/api/me?papers=2306.06626,2401.12509")).json();
  const truth = await counts("2306.06626", reader.id);
  expect(mine.user.username).toBe(reader.username);
  expect(mine.votes.upvoted).toEqual(["2306.06626"]);
  expect(mine.votes.counts["2306.06626"]).toBe(truth.counter);
  expect(await (await page.request.get("/api/me")).json()).toEqual({ user: mine.user });
});
