import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { startMailInbox, type MailInbox } from "@/tests/support/mail-inbox";
import { testSql } from "./support/db";
import { seedReader, signIn } from "./support/readers";
import { extraPort, startAppServer } from "./support/app-server";
import { DESKTOP, PHONE } from "./support/screenshots";

// The email digest in a real browser against `next build && next start`. The app mails the SMTP
// server in SMTP_URL (e2e/run.ts sets smtp://127.0.0.1:2526); this file starts that server, as
// e2e/accounts.spec.ts does, and closes it afterwards so the next file can listen there too.

const SMTP = new URL(process.env.SMTP_URL ?? "smtp://127.0.0.1:2526");
const run = Date.now().toString(36).slice(-5);
const sql = testSql();
let inbox: MailInbox;

test.beforeAll(async () => {
  inbox = await startMailInbox({ port: Number(SMTP.port), host: SMTP.hostname });
});

test.afterAll(async () => {
  await inbox?.close();
  await sql.end();
});

async function waitForMail(to: string, subject: RegExp) {
  await expect
    .poll(() => inbox.to(to).some((m) => subject.test(m.subject)), { message: `no “${subject.source}” email reached ${to}; does the server have SMTP_URL=${SMTP.href}?` })
    .toBe(true);
  return inbox.to(to).filter((m) => subject.test(m.subject)).at(-1)!;
}

function linkIn(text: string, pathname: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathname}\\?token=[A-Za-z0-9_-]+`).exec(text);
  if (!match) throw new Error(`No ${pathname} link in:\n${text}`);
  return match[0];
}

async function subscriptionOf(email: string) {
  const [row] = await sql<{ status: string; frequency: string }[]>`select status, frequency from subscriptions where email = ${email}`;
  return row ?? null;
}

/** Full-page screenshots at 1280 and 390 px, attached to the report and, if asked, copied to E2E_SCREENSHOT_DIR. */
async function screenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const [label, size] of [["1280", DESKTOP], ["390", PHONE]] as const) {
    await page.setViewportSize(size);
    const file = testInfo.outputPath(`digest-${name}-${label}.png`);
    await page.screenshot({ path: file, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path: file, contentType: "image/png" });
    if (process.env.E2E_SCREENSHOT_DIR) {
      fs.mkdirSync(process.env.E2E_SCREENSHOT_DIR, { recursive: true });
      fs.copyFileSync(file, path.join(process.env.E2E_SCREENSHOT_DIR, path.basename(file)));
    }
  }
  await page.setViewportSize(DESKTOP);
}

test("subscribe from the header, confirm from the emailed link", async ({ page }, testInfo) => {
  const email = `digest_${run}@e2e.paperboard.local`;
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Get trending papers in your email inbox" }).click();
  await expect(page).toHaveURL(/\/subscribe$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Trending papers in your inbox");
  await screenshots(page, testInfo, "subscribe");

  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Weekly/).check();
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your inbox");
  await screenshots(page, testInfo, "check-inbox");

  const confirmation = await waitForMail(email, /^Confirm your Paperboard digest$/);
  const link = linkIn(confirmation.text, "/subscribe/confirm");
  expect(await subscriptionOf(email)).toEqual({ status: "pending", frequency: "weekly" });

  // Opening the link (what a mail scanner does too) writes nothing; the button does.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your subscription");
  await expect(page.getByRole("main")).toContainText(email);
  expect(await subscriptionOf(email)).toEqual({ status: "pending", frequency: "weekly" });
  await screenshots(page, testInfo, "confirm");

  await page.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
  await expect(page.getByRole("main").getByRole("status")).toContainText("Monday");
  expect(await subscriptionOf(email)).toEqual({ status: "active", frequency: "weekly" });
  await screenshots(page, testInfo, "confirmed");

  // The link works once.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
});

test("the form explains what is wrong, out loud", async ({ page }, testInfo) => {
  await page.goto("/subscribe");
  await page.getByLabel("Email").fill("not-an-address");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Some of the fields need another look.");
  await expect(page.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-address");
  await screenshots(page, testInfo, "subscribe-error");
});

test("a signed-in reader finds their address filled in; a verified one subscribes in one click", async ({ page }, testInfo) => {
  const reader = await seedReader(sql, "digest");
  await signIn(page, reader.email);
  await page.goto("/subscribe");
  await expect(page.getByLabel("Email")).toHaveValue(reader.email);
  await expect(page.getByText("We will email you a link to confirm.")).toBeVisible(); // not verified yet
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your inbox");
  expect(await subscriptionOf(reader.email)).toEqual({ status: "pending", frequency: "daily" });

  await sql`update users set email_verified = now() where id = ${reader.id}`;
  await page.goto("/subscribe");
  await page.getByRole("button", { name: "Subscribe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are subscribed");
  expect(await subscriptionOf(reader.email)).toEqual({ status: "active", frequency: "daily" });

  await page.goto("/subscribe");
  await expect(page.getByRole("main").getByRole("status")).toContainText(`You get the daily digest at ${reader.email}`);
  await screenshots(page, testInfo, "subscribe-signed-in");
});

test("a digest's unsubscribe link works without signing in", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const reader = `unsub_${run}@e2e.paperboard.local`;
  const oneClick = `oneclick_${run}@e2e.paperboard.local`;
  for (const email of [reader, oneClick]) {
    await sql`insert into subscriptions (email, frequency, status, unsubscribe_token, confirmed_at)
              values (${email}, 'daily', 'active', ${randomBytes(32).toString("base64url")}, now())`;
  }
  const cli = await runDigestCli();
  expect(cli.code, cli.stderr).toBe(0);
  // Skips, if any, come with their reasons in brackets.
  expect(cli.stdout).toMatch(/^digest: \d+ sent, \d+ skipped( \([^)]*\))?, 0 failed \(retry next run\)$/m);

  const digest = await waitForMail(reader, /^Trending on Paperboard/);
  expect(digest.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
  const url = /<(http[^>]+)>/.exec(digest.headers.get("list-unsubscribe")!)![1];
  expect(linkIn(digest.text, "/unsubscribe")).toBe(url);

  // A stranger's browser: no session at all.
  await page.context().clearCookies();
  await page.goto(url);
  await expect(page).toHaveURL(/\/unsubscribe\/confirm\?token=/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsubscribe from the digest?");
  expect(await subscriptionOf(reader)).toMatchObject({ status: "active" });
  await screenshots(page, testInfo, "unsubscribe");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page).toHaveURL(/\/unsubscribe\/done$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You are unsubscribed");
  expect(await subscriptionOf(reader)).toMatchObject({ status: "unsubscribed" });
  await screenshots(page, testInfo, "unsubscribed");

  // What a mail provider's "Unsubscribe" button does (RFC 8058).
  const providerUrl = /<(http[^>]+)>/.exec((await waitForMail(oneClick, /^Trending on Paperboard/)).headers.get("list-unsubscribe")!)![1];
  const response = await request.post(providerUrl, { form: { "List-Unsubscribe": "One-Click" } });
  expect(response.status()).toBe(200);
  expect(await subscriptionOf(oneClick)).toMatchObject({ status: "unsubscribed" });
});

/** `npm run digest` against the app's database and mail server. */
function runDigestCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/digest.ts"], {
      env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, SMTP_URL: SMTP.href },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

test("a production server without a mail server offers no digest", async ({ page }) => {
  const port = extraPort(40);
  // The run's server has SMTP_URL (a stand-in inbox); this one has none, and runs as production.
  const server = await startAppServer({ port, env: { SMTP_URL: undefined, NODE_ENV: "production", AUTH_URL: `http://localhost:${port}` } });
  try {
    // Pages rendered per request by this server (the cached ones may come from the shared .next cache).
    await page.goto(`${server.origin}/search?q=transformer`);
    await expect(page.getByRole("banner").getByRole("search")).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: /email/i })).toHaveCount(0);
    await page.goto(`${server.origin}/subscribe`);
    await expect(page.getByRole("note")).toHaveText(/not available on this server/);
    await expect(page.getByRole("button", { name: "Subscribe" })).toHaveCount(0);
  } finally {
    await server.stop();
  }
  // The run's own server, which can send mail, still offers it.
  await page.goto("/search?q=transformer");
  await expect(page.getByRole("banner").getByRole("link", { name: "Get trending papers in your email inbox" })).toBeVisible();
});
