import { expect, test } from "@playwright/test";
import { startFakeArxiv, type FakeArxiv } from "../tests/support/fake-arxiv";
import { testSql } from "./support/db";
import { seedReader, signIn } from "./support/readers";
import { screenshotBothWidths } from "./support/screenshots";

const sql = testSql();
let fake: FakeArxiv;

test.beforeAll(async () => {
  fake = await startFakeArxiv({ port: Number(new URL(process.env.ARXIV_API_URL ?? "http://127.0.0.1:2528").port) });
});
test.afterAll(async () => {
  await fake.close();
  await sql.end();
});

const entries = async (paperId: string) => sql<{ day: string; username: string | null }[]>`
  select e.day::text as day, u.username from daily_entries e left join users u on u.id = e.submitted_by_id
  where e.paper_id = ${paperId}`;

test("a reader submits an arXiv link; the paper is fetched, listed today, and a second submission lands on it", async ({ page, browser }, testInfo) => {
  fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v1.xml");
  const alice = await seedReader(sql, "submitter");
  await signIn(page, alice.email);
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Submit a paper" })).toBeVisible();
  await screenshotBothWidths(page, testInfo, "submit");

  await page.getByLabel("arXiv ID or link").fill("https://arxiv.org/abs/2206.06921v1");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveURL(/\/papers\/2206\.06921\?submitted=new$/);
  await expect(page.getByRole("status").filter({ hasText: "on today's list" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Attainable forms of Assouad spectra");
  expect(await entries("2206.06921")).toEqual([{ day: new Date().toISOString().slice(0, 10), username: alice.username }]);

  await page.goto("/");
  await expect(page.locator("main ol > li").filter({ hasText: "arXiv:2206.06921" })).toContainText(`submitted by ${alice.username}`);

  const bob = await seedReader(sql, "latecomer");
  const bobPage = await (await browser.newContext()).newPage();
  await signIn(bobPage, bob.email);
  await bobPage.goto("/submit");
  await bobPage.getByLabel("arXiv ID or link").fill("arXiv:2206.06921");
  await bobPage.getByRole("button", { name: "Submit" }).click();
  await expect(bobPage).toHaveURL(/\/papers\/2206\.06921\?submitted=existing$/);
  await expect(bobPage.getByRole("status").filter({ hasText: "already on the list" })).toBeVisible();
  expect(await entries("2206.06921")).toHaveLength(1);
});

test("junk input and an arXiv outage get clear messages and store nothing", async ({ page }) => {
  const reader = await seedReader(sql, "unlucky");
  await signIn(page, reader.email);
  await page.goto("/submit");
  await page.getByLabel("arXiv ID or link").fill("my favourite paper");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByText("That is not an arXiv ID or link")).toBeVisible();
  await expect(page.getByLabel("arXiv ID or link")).toHaveValue("my favourite paper");

  fake.setMode("status-500");
  await page.getByLabel("arXiv ID or link").fill("2206.99999");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("arXiv");
  fake.setMode("replay");
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from papers where id = '2206.99999'`;
  expect(n).toBe(0);
});

test("signed-out visitors are asked to sign in first", async ({ page }) => {
  await page.goto("/submit?id=2206.06921");
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", /callbackUrl=%2Fsubmit%3Fid%3D2206.06921/);
});

test("a reader suspended while signed in is told so before typing anything", async ({ page }) => {
  const reader = await seedReader(sql, "suspended_submitter");
  await signIn(page, reader.email);
  await sql`update users set banned_at = now() where id = ${reader.id}`;
  await page.goto("/submit");
  await expect(page.getByText("Your account is suspended, so you cannot submit papers.")).toBeVisible();
  await expect(page.getByLabel("arXiv ID or link")).toHaveCount(0);
});
