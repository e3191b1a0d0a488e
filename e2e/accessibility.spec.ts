import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { testSql } from "./support/db";
import { seedReader, signIn } from "./support/readers";

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

const PUBLIC_PAGES = [
  "/",
  "/papers/week/2026-W48",
  "/papers/2401.12509",
  "/papers/2411.00042",
  "/papers/date/2025-02-30",
  "/search?q=model&page=2", // results with the pager
  "/trending",
  "/moderation",
  "/signin",
  "/signup",
  "/subscribe",
  "/submit",
  "/u/alice",
];

// The dark scheme changes colours only: its pages have the light scheme's markup, which the light
// scans check in full, so the dark scans run the colour rules alone (a full scan costs seconds).
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];

async function seriousViolations(page: Page, scheme: "light" | "dark") {
  const axe = new AxeBuilder({ page });
  const results = await (scheme === "dark" ? axe.withRules(COLOUR_RULES) : axe.withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

// An axe scan takes a few seconds a page, more on a busy two-core machine: these tests scan many.
test.describe.configure({ timeout: 240_000 });

for (const scheme of ["light", "dark"] as const) {
  test(`public pages have no serious WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of PUBLIC_PAGES) {
      await page.goto(path);
      expect(await seriousViolations(page, scheme), `${path} (${scheme})`).toEqual([]);
    }
  });
}

test("signed-in and admin pages have no serious WCAG 2.1 AA violations, light and dark", async ({ page }) => {
  const admin = await seedReader(sql, "a11y");
  await sql`update users set role = 'admin' where id = ${admin.id}`;
  await signIn(page, admin.email);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const path of ["/", "/papers/2401.12509", "/submit", "/settings", "/admin", "/admin?day=2020-01-01", "/admin/users", "/admin/comments", "/admin/comments?flagged=1", "/admin/papers/2401.12509"]) {
      await page.goto(path);
      expect(await seriousViolations(page, scheme), `${path} (${scheme})`).toEqual([]);
    }
  }
});
