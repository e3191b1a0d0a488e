import { expect, request, test, type Page } from "@playwright/test";
import postgres from "postgres";
import { SMTPServer } from "smtp-server";
import { hashPassword } from "@/lib/auth/password";
import { seedComment, seedPaper } from "./support/discussion";

// Accounts in a real browser against `next build && next start`. The server must send mail to
// the SMTP server this file starts: run it with SMTP_URL=smtp://127.0.0.1:2526 (or set SMTP_URL
// for both). E2E_DATABASE_URL (or DATABASE_URL) names the server's database, so tests can seed
// their own readers.

const SMTP = new URL(process.env.SMTP_URL ?? "smtp://127.0.0.1:2526");
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
const PASSWORD = "a long enough passphrase";
const run = Date.now().toString(36).slice(-5);

type Mail = { to: string; body: string };
const inbox: Mail[] = [];
let smtp: SMTPServer;
let sql: postgres.Sql;

test.beforeAll(async () => {
  if (!DATABASE_URL) throw new Error("Set E2E_DATABASE_URL (or DATABASE_URL) to the database the server under test uses.");
  sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(","), body: decodeQuotedPrintable(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(Number(SMTP.port), SMTP.hostname, resolve);
  });
});

test.afterAll(async () => {
  if (smtp) await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await sql?.end();
});

function decodeQuotedPrintable(raw: string): string {
  return raw.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

async function waitForMail(to: string): Promise<Mail> {
  await expect.poll(() => inbox.some((m) => m.to === to), { message: `no email reached ${to}; does the server have SMTP_URL=${SMTP.href}?` }).toBe(true);
  return inbox.find((m) => m.to === to)!;
}

/** A reader made straight in the database, as a test fixture. */
async function seedReader(username: string, { banned = false } = {}) {
  const email = `${username}@e2e.paperboard.local`;
  await sql`
    insert into users (id, username, name, email, password_hash, banned_at)
    values (${crypto.randomUUID()}, ${username}, ${`Reader ${username}`}, ${email}, ${await hashPassword(PASSWORD)}, ${banned ? new Date() : null})`;
  return { username, email };
}

async function signInWithPassword(page: Page, email: string, password: string, query = "") {
  await page.goto(`/signin${query}`);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const accountNav = (page: Page) => page.getByRole("navigation", { name: "Account" });

/** Signs out and waits until the header says so, so the next step cannot race the sign-out. */
async function signOut(page: Page) {
  await accountNav(page).getByRole("button", { name: "Sign out" }).click();
  await expect(accountNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
}

test("sign up, sign out, and sign in again", async ({ page, context, browser }) => {
  const username = `new_${run}`;
  await page.goto("/signup");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Display name").fill("Newt Reader");
  await page.getByLabel("Email").fill(`${username}@e2e.paperboard.local`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(accountNav(page).getByRole("link", { name: `Your profile (${username})` })).toBeVisible();
  await expect(page).toHaveURL(/\/$/);
  const cookiesWhileSignedIn = await context.cookies();

  await signOut(page);

  // A copy of the old cookie is refused too: sign-out ended the session on the server.
  const replay = await browser.newContext();
  await replay.addCookies(cookiesWhileSignedIn);
  const replayPage = await replay.newPage();
  await replayPage.goto("/");
  await expect(accountNav(replayPage).getByRole("link", { name: "Sign in" })).toBeVisible();
  await replay.close();

  await signInWithPassword(page, `${username}@e2e.paperboard.local`, PASSWORD);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${username})` })).toBeVisible();
});

test("Back after signing out does not bring the last reader's page back", async ({ playwright }, testInfo) => {
  // Playwright launches Chromium with its back/forward cache off; browsers have it on, and
  // following a plain link leaves the page there, signed-in header and typed reply included.
  const browser = await playwright.chromium.launch({ ...testInfo.project.use.launchOptions, ignoreDefaultArgs: ["--disable-back-forward-cache"] });
  const page = await browser.newPage({ baseURL: testInfo.project.use.baseURL });
  const reader = await seedReader(`back_${run}`);
  const paperId = await seedPaper(sql, "A paper read just before signing out");
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(accountNav(page).getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto(`/papers/${paperId}`);
  await page.getByLabel("Add a comment").fill("A reply I never posted");
  await page.getByRole("navigation", { name: "Site" }).getByRole("link", { name: "Daily" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Daily Papers" })).toBeVisible();
  await signOut(page);

  // One step back is the paper page (sign-out's redirect replaces its entry). Once, not "until
  // there": restored from the cache, the page reloads itself, and a second Back would leave it.
  await page.goBack({ waitUntil: "commit" });
  await expect(page).toHaveURL(new RegExp(`/papers/${paperId.replace(".", "\\.")}$`));
  await expect(accountNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in to join the discussion" })).toBeVisible();
  await expect(page.getByLabel("Add a comment")).toHaveCount(0);
  await browser.close();
});

test("sign-up explains each field's problem", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Username").fill("Admin");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Use lowercase letters, digits, hyphens and underscores")).toBeVisible();
  await expect(page.getByText("Enter a display name.")).toBeVisible();
  await expect(page.getByText("Enter a valid email address.")).toBeVisible();
  await expect(page.getByText("Use at least 10 characters.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue("not-an-email"); // what was typed survives
});

test("a refused form puts keyboard focus on what needs fixing", async ({ page }) => {
  // Sign-up: the first field in error, with its message as its description.
  await page.goto("/signup");
  await page.getByLabel("Username").fill("Bad Name");
  await page.getByLabel("Display name").fill("Ada");
  await page.getByLabel("Email").fill(`focus_${run}@e2e.paperboard.local`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Username")).toBeFocused();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/lowercase letters/);
  // Sign-in: a malformed address is focused too; a wrong password focuses the form's alert.
  await page.goto("/signin");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByRole("button", { name: "Sign in", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
  await page.goto("/signin"); // a fresh form: React clears a refused one a moment later, over new typing
  await page.getByLabel("Email", { exact: true }).fill(`nobody_${run}@e2e.paperboard.local`);
  await page.getByLabel("Password", { exact: true }).fill("not the password");
  await page.getByRole("button", { name: "Sign in", exact: true }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main").getByRole("alert")).toBeFocused();
});

/** React clears a form's fields once its action has answered: wait for that before typing again. */
async function expectPasswordFormReset(page: Page) {
  await expect(page.getByLabel("Current password")).toHaveValue("");
  await expect(page.getByLabel("New password")).toHaveValue("");
}

test("a reader renames themselves and changes their password, which signs out their other browsers", async ({ page, browser }) => {
  const reader = await seedReader(`settings_${run}`);
  // Signed out, the settings page asks to sign in first and comes back.
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsettings$/);
  await page.getByLabel("Email", { exact: true }).fill(reader.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Account settings" })).toBeVisible();
  // Another browser, signed in too.
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithPassword(otherPage, reader.email, PASSWORD);
  await expect(accountNav(otherPage).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();

  // The profile leads to the settings, for its owner only.
  await page.goto(`/u/${reader.username}`);
  await page.getByRole("link", { name: "Account settings" }).click();
  // A refused name stays in the box to fix (React emptied it back to the old name).
  await page.getByRole("textbox", { name: "Display name" }).fill("Ada\u202E Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("textbox", { name: "Display name" })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("textbox", { name: "Display name" })).toHaveValue("Ada\u202E Renamed");
  await page.getByRole("textbox", { name: "Display name" }).fill("Ada Renamed");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your display name is saved." })).toBeVisible();
  await page.goto(`/u/${reader.username}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ada Renamed");
  await otherPage.goto("/u/alice");
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Alice Liddell");
  await expect(otherPage.getByRole("link", { name: "Account settings" })).toHaveCount(0);

  await page.goto("/settings");
  // Sent with Enter from the last field: focus still goes to the field in error.
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByLabel("New password").press("Enter");
  await expect(page.getByLabel("Current password")).toBeFocused();
  await expectPasswordFormReset(page);
  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");
  await expectPasswordFormReset(page);
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("a brand new passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  await expect(page).toHaveURL(/\/settings$/); // said once: a reload does not say it again
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible(); // still signed in here
  await otherPage.reload();
  await expect(accountNav(otherPage).getByRole("link", { name: "Sign in" })).toBeVisible(); // not there
  await other.close();

  await signOut(page);
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  await signInWithPassword(page, reader.email, "a brand new passphrase");
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
});

test("a reader deletes their account: comments erased, upvotes withdrawn, every browser signed out, the name kept from others", async ({ page, browser }) => {
  const reader = await seedReader(`leaver_${run}`);
  const [{ id }] = await sql<{ id: string }[]>`select id from users where username = ${reader.username}`;
  const paperId = await seedPaper(sql, "A paper the leaver discussed");
  await seedComment(sql, { paperId, author: { id, ...reader }, body: "Words that should go with me." });
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
  await page.goto(`/papers/${paperId}`);
  const upvote = page.getByRole("main").getByRole("button", { name: /upvote/i }).first();
  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "true");
  await expect(upvote).toHaveAccessibleName(/\(1 upvote\)/);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signInWithPassword(otherPage, reader.email, PASSWORD);
  await expect(accountNav(otherPage).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();

  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Delete your account" });
  await section.getByLabel(`Type ${reader.username} to confirm`).fill("not my name");
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByLabel(`Type ${reader.username} to confirm`)).toHaveAccessibleDescription(`Type ${reader.username} exactly, to confirm.`);
  await expect(section.getByLabel(`Type ${reader.username} to confirm`)).toBeFocused();
  // What was typed stays, to fix the one field refused.
  await expect(section.getByLabel(`Type ${reader.username} to confirm`)).toHaveValue("not my name");
  await expect(section.getByLabel("Your password")).toHaveValue(PASSWORD);
  expect((await sql`select 1 from users where username = ${reader.username} and deleted_at is null`).length).toBe(1);

  await section.getByLabel(`Type ${reader.username} to confirm`).fill(reader.username);
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/account-deleted$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is deleted");
  await expect(accountNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();

  const [tombstone] = await sql<{ email: string | null; deleted_at: Date | null }[]>`select email, deleted_at from users where id = ${id}`;
  expect(tombstone.email).toBeNull();
  expect(tombstone.deleted_at).not.toBeNull();
  const [paper] = await sql<{ upvote_count: number; comment_count: number }[]>`select upvote_count, comment_count from papers where id = ${paperId}`;
  expect(paper).toEqual({ upvote_count: 0, comment_count: 0 });

  await page.goto(`/papers/${paperId}`);
  // A deleted comment nobody answered leaves no trace in the thread (with replies it reads "[deleted]").
  await expect(page.locator("#discussion")).toContainText("No comments yet.");
  await expect(page.getByText("Words that should go with me.")).toHaveCount(0);
  expect((await page.goto(`/u/${reader.username}`))?.status()).toBe(404);
  await otherPage.reload();
  await expect(accountNav(otherPage).getByRole("link", { name: "Sign in" })).toBeVisible();
  await other.close();
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");

  // The name stays taken; the address is free for a new account.
  await page.goto("/signup");
  await page.getByLabel("Username").fill(reader.username);
  await page.getByLabel("Display name").fill("Someone else");
  await page.getByLabel("Email").fill(`new_${reader.email}`);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/That username is taken\./);
});

test("a reader moves their account to another address, proven by a link mailed there", async ({ page }) => {
  const reader = await seedReader(`mover_${run}`);
  const newEmail = `moved_${run}@e2e.paperboard.local`;
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Email address" });
  await expect(section).toContainText(`You sign in with ${reader.email}.`);

  // The password is asked for; a refusal keeps the address typed.
  await section.getByLabel("New address").fill(newEmail);
  await section.getByLabel("Your password").fill("not my password");
  await section.getByRole("button", { name: "Send the link" }).click();
  await expect(section.getByLabel("Your password")).toHaveAccessibleDescription("That is not your current password.");
  await expect(section.getByLabel("New address")).toHaveValue(newEmail);
  await section.getByLabel("Your password").fill(PASSWORD);
  await section.getByRole("button", { name: "Send the link" }).click();
  await expect(section.getByRole("status").filter({ hasText: `We sent a link to ${newEmail}.` })).toBeVisible();
  await expect(section.getByLabel("Your password")).toHaveValue(""); // sent: the password leaves the screen
  // Nothing changes until the link is used: the old address still signs in.
  expect((await sql`select email from users where username = ${reader.username}`)[0].email).toBe(reader.email);

  const mail = await waitForMail(newEmail);
  const link = mail.body.match(/https?:\/\/[^\s"<>]+\/settings\/email\?token=[\w-]+/)?.[0];
  expect(link, "the email holds the confirmation link").toBeTruthy();
  // A mail scanner opening the link changes nothing.
  expect((await page.request.get(link!)).status()).toBe(200);
  expect((await sql`select email from users where username = ${reader.username}`)[0].email).toBe(reader.email);
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Confirm your new address");
  await expect(page.getByRole("main")).toContainText(`with ${newEmail} from now on, instead of ${reader.email}?`);
  await page.getByRole("button", { name: "Use this address" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("status").filter({ hasText: `Your account now signs in with ${newEmail}.` })).toBeVisible();
  // The old address is told, in case it was not its owner.
  expect((await waitForMail(reader.email)).body).toContain(`now signs in with ${newEmail}`);

  // The link works once; the new address signs in, the old one no longer does.
  await page.goto(link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link no longer works");
  await signOut(page);
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("That email and password do not match an account.");
  await signInWithPassword(page, newEmail, PASSWORD);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
});

test("someone else's wrong guesses never stop a reader changing their password, and guesses in settings are limited too", async ({ page }) => {
  const reader = await seedReader(`guessed_${run}`);
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
  // Ten wrong guesses at sign-in from elsewhere fill the account's limit…
  for (let i = 0; i < 10; i++) expect(await passwordSignInWorks(reader.email, `guess ${i}`)).toBe(false);
  // …and the reader, who knows the password, still changes it and stays signed in.
  await page.goto("/settings");
  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill("a fresh passphrase here");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
  // Guessing the current password in settings counts toward the same limit (full again now).
  for (let i = 0; i < 10; i++) {
    await page.getByLabel("Current password").fill(`settings guess ${i}`);
    await page.getByLabel("New password").fill("another fresh passphrase");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAccessibleDescription("That is not your current password.");
    await expectPasswordFormReset(page);
  }
  await page.getByLabel("Current password").fill("a fresh passphrase here");
  await page.getByLabel("New password").fill("another fresh passphrase");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many wrong passwords. Please wait a few minutes and try again.");
});

test("a wrong password and an unknown email get the same answer", async ({ page }) => {
  const reader = await seedReader(`known_${run}`);
  await signInWithPassword(page, reader.email, "not the password");
  const wrongPassword = await page.getByRole("main").getByRole("alert").textContent();
  await signInWithPassword(page, `nobody_${run}@e2e.paperboard.local`, "not the password");
  const unknownEmail = await page.getByRole("main").getByRole("alert").textContent();
  expect(wrongPassword).toBe("That email and password do not match an account.");
  expect(unknownEmail).toBe(wrongPassword);
});

test("a suspended reader cannot sign in", async ({ page }) => {
  const reader = await seedReader(`banned_${run}`, { banned: true });
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("This account is suspended.");
  await expect(accountNav(page).getByRole("link", { name: "Sign in" })).toBeVisible();
  // The password was right, so it does not count toward the wrong-password limits.
  const [bucket] = await sql<{ hits: number }[]>`select hits from rate_limit_buckets where key = ${`sign-in:account:${reader.email.toLowerCase()}`}`;
  expect(bucket, "the attempt was counted, then given back").toBeDefined();
  expect(bucket.hits).toBe(0);
});

/** A password sign-in through Auth.js's own endpoint, as the form posts it: true when it made a session. */
async function passwordSignInWorks(email: string, password: string): Promise<boolean> {
  const client = await request.newContext({ baseURL: test.info().project.use.baseURL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  const signedIn = (await client.storageState()).cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"));
  await client.dispose();
  return signedIn;
}

test("only wrong passwords count toward the sign-in limit", async ({ page }) => {
  const reader = await seedReader(`often_${run}`);
  // Fifteen sign-ins (phone, laptop, lab machine, …) are over the limit of ten attempts per
  // account, and every one of them works.
  for (let i = 0; i < 15; i++) expect(await passwordSignInWorks(reader.email, PASSWORD), `sign-in ${i + 1}`).toBe(true);
  // Ten wrong guesses, and then even the right password waits.
  for (let i = 0; i < 10; i++) expect(await passwordSignInWorks(reader.email, `wrong guess ${i}`)).toBe(false);
  expect(await passwordSignInWorks(reader.email, PASSWORD)).toBe(false);
  await signInWithPassword(page, reader.email, PASSWORD);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText("Too many sign-in attempts. Please wait a few minutes and try again, or ask for a sign-in link by email.");
});

test("the header's Sign in comes back to the same search, query and all", async ({ page }) => {
  const reader = await seedReader(`returning_${run}`);
  await page.goto("/search?q=chaotic+dynamics");
  await accountNav(page).getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fsearch%3Fq%3Dchaotic%2Bdynamics$/);
  await page.getByLabel("Email", { exact: true }).fill(reader.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=chaotic\+dynamics$/);
  await expect(page.getByRole("main").getByRole("searchbox")).toHaveValue("chaotic dynamics");
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
});

test("after sign-in only our own paths are followed", async ({ page }) => {
  const reader = await seedReader(`redirect_${run}`);
  await signInWithPassword(page, reader.email, PASSWORD, `?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${reader.username})` })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/");

  await signOut(page);
  await signInWithPassword(page, reader.email, PASSWORD, `?callbackUrl=${encodeURIComponent(`/u/${reader.username}`)}`);
  await expect(page).toHaveURL(new RegExp(`/u/${reader.username}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Reader ${reader.username}`);
});

test("sign in with a link sent by email", async ({ page }) => {
  const email = `link_${run}@e2e.paperboard.local`;
  await page.goto("/signin");
  await page.getByLabel("Email for the link").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();

  const mail = await waitForMail(email);
  const link = mail.body.match(/https?:\/\/[^\s"<>]+\/signin\/confirm\?[^\s"<>]+/)?.[0].replace(/&amp;/g, "&");
  expect(link, "the email holds a sign-in link").toBeTruthy();
  // A mail scanner opens every link in a message first: that must not spend the link.
  expect((await page.request.get(link!)).status()).toBe(200);
  await page.goto(link!);
  await expect(page.getByRole("main")).toContainText(`Sign in as ${email}?`);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  // A new reader, whose public username is not taken from their private address.
  await expect(accountNav(page).getByRole("link", { name: /^Your profile \(reader-\d{4}\)$/ })).toBeVisible();

  // An account made by email link has no password, and can set one.
  await page.goto("/settings");
  await expect(page.getByRole("heading", { name: "Set a password" })).toBeVisible();
  await page.getByLabel("New password").fill("a passphrase of my own");
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your password is changed." })).toBeVisible();
  await signOut(page);
  await signInWithPassword(page, email, "a passphrase of my own");
  await expect(accountNav(page).getByRole("link", { name: /^Your profile \(reader-\d{4}\)$/ })).toBeVisible();

  // The link works once.
  await signOut(page);
  await page.goto(link!);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("expired or was already used");
});

test("a demo reader's profile lists what they submitted and upvoted", async ({ page }) => {
  await signInWithPassword(page, "alice@demo.paperboard.local", "paperboard-demo");
  await expect(accountNav(page).getByRole("link", { name: "Your profile (alice)" })).toBeVisible();
  await accountNav(page).getByRole("link", { name: "Your profile (alice)" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alice Liddell");
  await expect(page.getByRole("main").getByText("@alice", { exact: true })).toBeVisible();
  await page.goto("/u/Alice"); // usernames are lower case: a capitalised link still finds her
  await expect(page).toHaveURL(/\/u\/alice$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Alice Liddell");
  const submitted = page.getByRole("region", { name: "Submitted papers" });
  await expect(submitted.getByRole("listitem").first()).toBeVisible();
  await expect(page.getByRole("region", { name: "Upvoted papers" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Recent comments" })).toBeVisible();
});
