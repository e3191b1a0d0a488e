import fs from "node:fs";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { testSql } from "./support/db";
import { seedComment, seedPaper } from "./support/discussion";
import { seedReader, signIn } from "./support/readers";
import { screenshotBothWidths } from "./support/screenshots";

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

const today = () => new Date().toISOString().slice(0, 10);
const publicOrder = async (day: string) =>
  (
    await sql<{ id: string }[]>`
      select p.id from daily_entries e join papers p on p.id = e.paper_id
      where e.day = ${day} and e.hidden_at is null
      order by e.pinned_position asc nulls last, p.upvote_count desc, e.submitted_at asc, p.id asc`
  ).map((r) => r.id);
const homeOrder = async (page: Page) => page.locator("main ol > li span.font-mono").allTextContents();
const entryCard = (page: Page, paperId: string) => page.locator("main ol > li").filter({ hasText: `arXiv:${paperId}` });

async function seedAdmin() {
  const admin = await seedReader(sql, "admin");
  await sql`update users set role = 'admin' where id = ${admin.id}`;
  return admin;
}

async function signedInPage(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return page;
}

test("an admin curates today's list and the public page and moderation log follow", async ({ page, browser }, testInfo) => {
  const admin = await seedAdmin();
  await signIn(page, admin.email);
  await page.goto("/admin");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Curate");
  await screenshotBothWidths(page, testInfo, "admin-day");

  // Add a catalogued paper by ID: a typo is refused and stays in the box to fix, focused;
  // once added, the box is emptied for the next one.
  const addBox = page.getByLabel("arXiv ID or URL");
  await addBox.fill("arXiv:2411.0004");
  await page.getByRole("button", { name: "Add to this day" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible();
  await expect(addBox).toHaveValue("arXiv:2411.0004");
  await expect(addBox).toBeFocused();
  await expect(addBox).toHaveAttribute("aria-invalid", "true");
  await addBox.fill("arXiv:2411.00042");
  await page.getByRole("button", { name: "Add to this day" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Added 2411.00042" })).toBeVisible();
  await expect(addBox).toHaveValue("");
  expect(await publicOrder(today())).toContain("2411.00042");

  const [first, second, third] = await publicOrder(today());
  // Hide the top paper with a reason.
  await entryCard(page, first).getByLabel(`Reason for hiding ${first}`).fill("Duplicate of an earlier listing");
  await entryCard(page, first).getByRole("button", { name: "Hide" }).click();
  await expect(entryCard(page, first)).toContainText("Hidden: Duplicate of an earlier listing");

  // Pin the third (from the keyboard: focus follows the entry), then the second, then move the second up.
  const pinThird = entryCard(page, third).getByRole("button", { name: "Pin to top" });
  // Every entry has a "Pin to top": each is described by its own entry's heading.
  const thirdHeading = (await entryCard(page, third).getByRole("heading", { level: 2 }).textContent())!.trim();
  await expect(pinThird).toHaveAccessibleDescription(thirdHeading);
  await pinThird.focus();
  await page.keyboard.press("Enter");
  await expect(entryCard(page, third)).toContainText("Pinned #1");
  await expect(entryCard(page, third).getByRole("heading", { level: 2 })).toBeFocused();
  await entryCard(page, second).getByRole("button", { name: "Pin to top" }).click();
  await expect(entryCard(page, second)).toContainText("Pinned #2");
  await entryCard(page, second).getByRole("button", { name: "Move up" }).click();
  await expect(entryCard(page, second)).toContainText("Pinned #1");
  // And down again, and back up (a move down once left the order as it was, saying it had moved).
  await entryCard(page, second).getByRole("button", { name: "Move down" }).click();
  await expect(entryCard(page, second)).toContainText("Pinned #2");
  await expect(entryCard(page, third)).toContainText("Pinned #1");
  await entryCard(page, second).getByRole("button", { name: "Move up" }).click();
  await expect(entryCard(page, second)).toContainText("Pinned #1");

  // Move the added paper to yesterday.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await entryCard(page, "2411.00042").getByLabel("New day for 2411.00042").fill(yesterday);
  await entryCard(page, "2411.00042").getByRole("button", { name: "Move to day" }).click();
  await expect(entryCard(page, "2411.00042")).toHaveCount(0);

  // The public home page shows the change at once, for a signed-out reader too.
  const reader = await browser.newPage();
  await reader.goto("/");
  const shown = await homeOrder(reader);
  expect(shown.slice(0, 2)).toEqual([second, third]);
  expect(shown).not.toContain(first);
  expect(shown).not.toContain("2411.00042");
  await expect(entryCard(reader, second)).toContainText("Pinned");

  // The public moderation log lists every action, newest first, with the reason.
  await reader.goto("/moderation");
  const log = reader.locator("main ol > li");
  await expect(log.first()).toContainText(`${admin.username} moved to another day 2411.00042`);
  await expect(reader.getByRole("main")).toContainText(`hid from the list ${first}`);
  await expect(reader.getByRole("main")).toContainText("“Duplicate of an earlier listing”");
  await expect(reader.getByRole("main")).toContainText("reordered pins");
  await expect(reader.getByRole("main")).toContainText("added to the list 2411.00042");
  await reader.getByLabel("Action").selectOption("pin_entry");
  await reader.getByRole("button", { name: "Filter" }).click();
  await expect(log).toHaveCount(2);
  await screenshotBothWidths(reader, testInfo, "moderation-log");
  await reader.close();
});

test("a plain reader and a signed-out visitor are refused every admin action, through the UI and directly", async ({ page, browser }) => {
  const admin = await seedAdmin();
  const plain = await seedReader(sql, "plain");
  await signIn(page, admin.email);
  await page.goto("/admin");
  // An unpinned, visible paper of today (the other test may have pinned some).
  const [{ id: target }] = await sql<{ id: string }[]>`
    select paper_id as id from daily_entries where day = ${today()} and hidden_at is null and pinned_position is null limit 1`;

  // Capture the real Server Action requests the admin's buttons send, without letting them run.
  const captured: { headers: Record<string, string>; body: string; label: string }[] = [];
  await page.route("**/admin**", async (route) => {
    const request = route.request();
    if (request.method() === "POST" && request.headers()["next-action"]) {
      captured.push({ headers: request.headers(), body: request.postData() ?? "", label: String(captured.length) });
      return route.abort();
    }
    return route.continue();
  });
  // An aborted action request leaves the page in an error state: reload between the two.
  await entryCard(page, target).getByRole("button", { name: "Pin to top" }).click();
  await expect.poll(() => captured.length).toBe(1);
  await page.goto("/admin");
  await entryCard(page, target).getByLabel(`Reason for hiding ${target}`).fill("not allowed");
  await entryCard(page, target).getByRole("button", { name: "Hide" }).click();
  await expect.poll(() => captured.length).toBe(2);

  const before = { order: await publicOrder(today()), audit: (await sql`select count(*)::int as n from audit_log`)[0].n };

  // The plain reader's browser shows no admin tools…
  const plainPage = await signedInPage(browser, plain.email);
  expect((await plainPage.goto("/admin"))?.status()).toBe(403);
  await expect(plainPage.getByRole("heading", { name: "Admins only" })).toBeVisible();
  await expect(plainPage.getByRole("button", { name: "Pin to top" })).toHaveCount(0);

  // …and the same action requests, replayed with the plain reader's session or none, change nothing.
  const anonymous = await browser.newContext();
  const withoutCookie = (headers: Record<string, string>) => Object.fromEntries(Object.entries(headers).filter(([k]) => k !== "cookie"));
  for (const [requestContext, refusal] of [
    [plainPage.request, "forbidden:role"],
    [anonymous.request, "unauthorized"],
  ] as const) {
    for (const action of captured) {
      const response = await requestContext.post("/admin", { headers: withoutCookie(action.headers), data: action.body });
      const text = await response.text();
      expect(text).toContain('"ok":false');
      expect(text).toContain(refusal);
    }
  }
  // The header that once skipped middleware in Next.js changes nothing: middleware guards nothing here.
  const bypass = await plainPage.request.post("/admin", {
    headers: { ...withoutCookie(captured[0].headers), "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" },
    data: captured[0].body,
  });
  expect(await bypass.text()).toContain("forbidden:role");

  expect({ order: await publicOrder(today()), audit: (await sql`select count(*)::int as n from audit_log`)[0].n }).toEqual(before);
  await anonymous.close();
});

test("every admin Server Action in the build refuses a plain reader and a visitor", async ({ page, browser }) => {
  // The build's manifest names every Server Action; all of app/admin/actions.ts must refuse.
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const adminActions = Object.entries(manifest.node).filter(([, a]) => a.filename === "app/admin/actions.ts");
  expect(adminActions.length).toBeGreaterThanOrEqual(13);

  const plain = await seedReader(sql, "nosy");
  await signIn(page, plain.email);
  const anonymous = await browser.newContext();
  const [{ id: entryId }] = await sql<{ id: number }[]>`select id from daily_entries where hidden_at is null limit 1`;
  const before = (await sql`select count(*)::int as n, max(id) as last from audit_log`)[0];
  // Plausible input for every action at once, plus fields nobody may set (mass assignment).
  const input = {
    entryId,
    paperId: "2401.12509",
    day: today(),
    toDay: today(),
    reason: "trying my luck",
    direction: "up",
    commentId: 1,
    userId: plain.id,
    role: "admin",
    title: "pwned",
    abstract: "pwned",
    githubRepo: "",
    projectPage: "",
    upvotes: 1000,
  };
  const body = `[null,{"__proto__":{"role":"admin"},${JSON.stringify(input).slice(1)}]`;
  for (const [id, { exportedName }] of adminActions) {
    for (const [context, refusal] of [
      [page.request, "forbidden:role"],
      [anonymous.request, "unauthorized"],
    ] as const) {
      const response = await context.post("/admin", {
        headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
        data: body,
      });
      const text = await response.text();
      expect(text, `${exportedName} as ${refusal}`).toContain(refusal);
    }
  }
  const [{ role }] = await sql<{ role: string }[]>`select role from users where id = ${plain.id}`;
  expect(role).toBe("user");
  expect((await sql`select count(*)::int as n, max(id) as last from audit_log`)[0]).toEqual(before);
  await anonymous.close();
});

test("the users page finds people by name, and its search box looks like one", async ({ page }) => {
  const admin = await seedAdmin();
  const wanted = await seedReader(sql, "findme");
  await signIn(page, admin.email);
  await page.goto("/admin/users");
  const find = page.getByRole("textbox", { name: "Find", exact: true });
  // Styled like the other admin inputs (its class once came through as an error message).
  await expect(find).toHaveCSS("border-top-style", "solid");
  await find.fill(wanted.username);
  await find.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/users\\?q=${wanted.username}$`));
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("main").getByRole("link", { name: wanted.username })).toHaveAttribute("href", `/u/${wanted.username}`);
});

test("a refused edit of a paper's details keeps everything the admin typed", async ({ page, request }) => {
  const admin = await seedAdmin();
  const paperId = await seedPaper(sql, "Details to fix");
  const paperPage = async () => {
    const response = await request.get(`/papers/${paperId}`);
    return { cache: response.headers()["x-nextjs-cache"], html: (await response.text()).replaceAll("<!-- -->", "") };
  };
  await signIn(page, admin.email);
  await page.goto(`/admin/papers/${paperId}`);
  await page.getByLabel("Abstract").fill("A rewritten abstract, long and careful.");
  await page.getByLabel("Project page").fill("ftp://example.org/x");
  await page.getByLabel("Reason (optional, shown in the public log)").fill("typos in the abstract");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Project page: ");
  await expect(page.getByLabel("Abstract")).toHaveValue("A rewritten abstract, long and careful.");
  await expect(page.getByLabel("Project page")).toHaveValue("ftp://example.org/x");
  await expect(page.getByLabel("Reason (optional, shown in the public log)")).toHaveValue("typos in the abstract");
  // The refused field is marked and focused, to be fixed where it is.
  await expect(page.getByLabel("Project page")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Project page")).toBeFocused();
  await expect(page.getByLabel("Abstract")).not.toHaveAttribute("aria-invalid");
  const [stored] = await sql<{ abstract: string }[]>`select abstract from papers where id = ${paperId}`;
  expect(stored.abstract).toBe("An abstract for the discussion tests.");

  // A reader has the paper page from the cache just before the edit is saved…
  await paperPage();
  expect(await paperPage()).toMatchObject({ cache: "HIT", html: expect.stringContaining("An abstract for the discussion tests.") });
  await page.getByLabel("Project page").fill("https://example.org/x");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: /saved|changed|updated/i })).toBeVisible();
  // …and the very next request has the edit: the save invalidated it (well within the 10 s expiry).
  expect((await paperPage()).html).toContain("A rewritten abstract, long and careful.");
  const [saved] = await sql<{ abstract: string; project_page: string }[]>`select abstract, project_page from papers where id = ${paperId}`;
  expect(saved).toEqual({ abstract: "A rewritten abstract, long and careful.", project_page: "https://example.org/x" });
});

test("promoting someone to admin names them and asks first", async ({ page }) => {
  const admin = await seedAdmin();
  const reader = await seedReader(sql, "promotable");
  await signIn(page, admin.email);
  await page.goto(`/admin/users?q=${reader.username}`);
  const promote = page.getByRole("button", { name: "Promote to admin" });
  await expect(promote).toHaveAccessibleDescription(reader.username);
  page.once("dialog", (dialog) => dialog.dismiss());
  await promote.click();
  await expect(promote).toBeVisible();
  expect((await sql<{ role: string }[]>`select role from users where id = ${reader.id}`)[0].role).toBe("user");
  page.once("dialog", (dialog) => dialog.accept());
  await promote.click();
  await expect(page.getByRole("button", { name: "Demote to reader" })).toBeVisible();
  expect((await sql<{ role: string }[]>`select role from users where id = ${reader.id}`)[0].role).toBe("admin");
});

test("a ban that hid a reader's comment can be lifted with the comment restored", async ({ page }) => {
  const admin = await seedAdmin();
  const reader = await seedReader(sql, "appeal");
  const paperId = await seedPaper(sql, "A paper with a banned commenter");
  await seedComment(sql, { paperId, author: reader, body: "A perfectly fair remark." });
  await signIn(page, admin.email);

  await page.goto(`/admin/users?q=${reader.username}`);
  page.once("dialog", (dialog) => dialog.accept()); // "Ban …?"
  await page.getByLabel(`Reason for banning ${reader.username}`).fill("Mistaken for a spammer");
  await page.getByLabel("also hide their comments and submissions").check();
  await page.getByRole("button", { name: "Ban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Banned; hid 1 comment and 0 submissions." })).toBeVisible();
  await expect(page.locator(`#user-${reader.id}`)).toBeFocused(); // not dropped to the page with the ban's form
  await page.goto(`/papers/${paperId}`);
  await expect(page.getByRole("article", { name: "Removed comment" })).toBeVisible();
  // The profile says why the reader's comments are gone, and where the reason is on record.
  await page.goto(`/u/${reader.username}`);
  await expect(page.getByRole("note")).toContainText("This account was suspended by the moderators on");
  await page.getByRole("note").getByRole("link", { name: "See the moderation log" }).click();
  await expect(page.getByRole("main")).toContainText("Mistaken for a spammer");

  await page.goto(`/admin/users?q=${reader.username}`);
  await page.getByLabel("also restore the comments and submissions the ban hid").check();
  await page.getByRole("button", { name: "Lift ban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ban lifted; restored 1 comment and 0 submissions." })).toBeVisible();
  await page.goto(`/papers/${paperId}`);
  await expect(page.getByRole("article", { name: `Comment by Reader ${reader.username}` })).toContainText("A perfectly fair remark.");
  await page.goto(`/u/${reader.username}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("note")).toHaveCount(0);
});

test("an admin hides and restores a comment from the comments page, by keyboard, without losing their place", async ({ page }, testInfo) => {
  const admin = await seedAdmin();
  const author = await seedReader(sql, "hideme");
  const paperId = await seedPaper(sql, "A paper with an off-topic comment");
  const commentId = await seedComment(sql, { paperId, author, body: "Buy cheap GPUs at example.com", minutesAgo: 1 });
  const goneId = await seedComment(sql, { paperId, author, body: "Words that were later deleted", minutesAgo: 1 });
  await sql`update comments set deleted_at = now() where id = ${goneId}`; // words still stored, as before deletions erased them
  await sql`update papers set comment_count = comment_count - 1 where id = ${paperId}`;
  await signIn(page, admin.email);

  await page.goto("/admin/comments");
  const item = page.getByRole("listitem").filter({ has: page.locator(`#admin-comment-${commentId}`) });
  await expect(item.getByLabel(`Source of comment ${commentId}`)).toHaveText("Buy cheap GPUs at example.com");
  // A comment its author deleted is listed as such, with nothing left to read or hide.
  const gone = page.getByRole("listitem").filter({ has: page.locator(`#admin-comment-${goneId}`) });
  await expect(gone).toContainText("deleted by its author");
  await expect(gone).not.toContainText("Words that were later deleted");
  await expect(gone.getByRole("button")).toHaveCount(0);
  await screenshotBothWidths(page, testInfo, "admin-comments");

  await item.getByLabel(`Reason for hiding comment ${commentId}`).fill("Advertising");
  await page.keyboard.press("Enter");
  await expect(item.getByText("hidden: Advertising")).toBeVisible();
  await expect(page.locator(`#admin-comment-${commentId}`)).toBeFocused(); // the Hide form was replaced by Unhide
  await expect(item.getByRole("button", { name: "Unhide" })).toHaveAccessibleDescription(new RegExp(`^Comment ${commentId} by ${author.username} on`));
  const [hidden] = await sql<{ hidden_reason: string | null }[]>`select hidden_reason from comments where id = ${commentId}`;
  expect(hidden.hidden_reason).toBe("Advertising");

  await item.getByRole("button", { name: "Unhide" }).focus();
  await page.keyboard.press("Enter");
  await expect(item.getByRole("button", { name: "Hide" })).toBeVisible();
  await expect(page.locator(`#admin-comment-${commentId}`)).toBeFocused();
  const [back] = await sql<{ hidden_at: Date | null }[]>`select hidden_at from comments where id = ${commentId}`;
  expect(back.hidden_at).toBeNull();
});

test("a ban from a page opened before someone else's ban is refused, and the first ban's restore still works", async ({ page, browser }) => {
  const admin = await seedAdmin();
  const reader = await seedReader(sql, "twiceban");
  const paperId = await seedPaper(sql, "A paper for a double ban");
  await seedComment(sql, { paperId, author: reader, body: "Hidden by the first ban only." });
  await signIn(page, admin.email);
  const stale = await signedInPage(browser, admin.email);
  for (const tab of [page, stale]) await tab.goto(`/admin/users?q=${reader.username}`);

  page.once("dialog", (dialog) => dialog.accept());
  await page.getByLabel(`Reason for banning ${reader.username}`).fill("Spam");
  await page.getByLabel("also hide their comments and submissions").check();
  await page.getByRole("button", { name: "Ban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Banned; hid 1 comment" })).toBeVisible();

  stale.once("dialog", (dialog) => dialog.accept());
  await stale.getByLabel(`Reason for banning ${reader.username}`).fill("Also spam");
  await stale.getByRole("button", { name: "Ban" }).click();
  await expect(stale.getByRole("alert").filter({ hasText: `${reader.username} is already banned` })).toBeVisible();
  expect(await sql`select 1 from audit_log where action = 'ban_user' and target_id = ${reader.username}`).toHaveLength(1);

  await page.getByLabel("also restore the comments and submissions the ban hid").check();
  await page.getByRole("button", { name: "Lift ban" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ban lifted; restored 1 comment" })).toBeVisible();
  await stale.context().close();
});

test("a reader flags a comment from the keyboard, and an admin finds it among the flagged and hides it", async ({ page, browser }, testInfo) => {
  const author = await seedReader(sql, "flagged");
  const reader = await seedReader(sql, "flagger");
  const admin = await seedAdmin();
  const paperId = await seedPaper(sql, "A paper with a comment worth flagging");
  const commentId = await seedComment(sql, { paperId, author, body: "Cheap essays at example.com", minutesAgo: 2 });
  await signIn(page, reader.email);
  await page.goto(`/papers/${paperId}`);

  const comment = page.locator(`#comment-${commentId}`);
  await comment.getByRole("button", { name: "Flag", exact: true }).focus();
  await page.keyboard.press("Enter");
  const question = page.getByRole("group", { name: `What is wrong with Reader ${author.username}'s comment?` });
  await expect(question.getByRole("radio", { name: "Spam or advertising" })).toBeFocused();
  await page.keyboard.press("Space");
  await screenshotBothWidths(page, testInfo, "flag-comment");
  await page.getByRole("button", { name: "Flag for the moderators" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Thank you: the moderators will look at it." })).toBeFocused();
  const [flag] = await sql<{ reason: string }[]>`select reason from comment_flags where comment_id = ${commentId} and user_id = ${reader.id}`;
  expect(flag.reason).toBe("spam");
  // Closed, the button says the reader has flagged it.
  await page.getByRole("status").getByRole("button", { name: "Close" }).click();
  await expect(comment.getByRole("button", { name: "Flagged", exact: true })).toBeFocused();
  // The author has no Flag button on their own comment.
  const authorPage = await signedInPage(browser, author.email);
  await authorPage.goto(`/papers/${paperId}`);
  await expect(authorPage.locator(`#comment-${commentId}`).getByRole("button", { name: "Edit" })).toBeVisible();
  await expect(authorPage.locator(`#comment-${commentId}`).getByRole("button", { name: "Flag", exact: true })).toHaveCount(0);
  await authorPage.context().close();

  // A second flagged comment, whose flag the admin will find mistaken.
  const fairId = await seedComment(sql, { paperId, author, body: "A sharp but fair objection", minutesAgo: 1 });
  await sql`insert into comment_flags (user_id, comment_id, reason) values (${reader.id}, ${fairId}, 'abuse')`;
  const waiting = async () =>
    (await sql<{ n: number }[]>`select count(distinct f.comment_id)::int as n from comment_flags f join comments c on c.id = f.comment_id
      join users u on u.id = f.user_id where c.hidden_at is null and c.deleted_at is null and u.banned_at is null and u.deleted_at is null`)[0].n;
  const adminPage = await signedInPage(browser, admin.email);
  // Every admin page says how many wait, and leads to them.
  await adminPage.goto("/admin");
  await adminPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: `${await waiting()} flagged` }).click();
  await expect(adminPage.getByRole("heading", { level: 1, name: "Flagged comments" })).toBeVisible();
  await expect(adminPage.getByRole("navigation", { name: "Which comments" }).getByRole("link", { name: `Flagged by readers (${await waiting()})` })).toHaveAttribute("aria-current", "page");
  const item = adminPage.getByRole("listitem").filter({ has: adminPage.locator(`#admin-comment-${commentId}`) });
  await expect(item).toContainText("flagged by 1 reader: spam or advertising (1)");
  await screenshotBothWidths(adminPage, testInfo, "admin-flagged");
  await item.getByLabel(`Reason for hiding comment ${commentId}`).fill("Advertising");
  await item.getByRole("button", { name: "Hide" }).click();
  // Settled by hiding, it leaves the flagged list; focus goes back to the page's heading.
  await expect(adminPage.locator(`#admin-comment-${commentId}`)).toHaveCount(0);
  await expect(adminPage.getByRole("heading", { level: 1, name: "Flagged comments" })).toBeFocused();
  expect(await sql`select 1 from comment_flags where comment_id = ${commentId}`).toHaveLength(0);

  // Dismissed, the other leaves the list at once, the count with it; the comment stays up.
  const before = await waiting();
  await adminPage.getByRole("listitem").filter({ has: adminPage.locator(`#admin-comment-${fairId}`) }).getByRole("button", { name: "Dismiss flags" }).click();
  await expect(adminPage.locator(`#admin-comment-${fairId}`)).toHaveCount(0);
  await expect(adminPage.getByRole("link", { name: `Flagged by readers (${before - 1})` })).toBeVisible();
  // The admin navigation's count follows (other tests' flags may be waiting too).
  const badge = adminPage.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: /^\d+ flagged$/ });
  if (before - 1 > 0) await expect(badge).toHaveText(`${before - 1} flagged`);
  else await expect(badge).toHaveCount(0);
  expect((await sql<{ hidden_at: Date | null }[]>`select hidden_at from comments where id = ${fairId}`)[0].hidden_at).toBeNull();
  await adminPage.context().close();

  // A reader sees their own flag, with its reason, and can change it or take it back.
  const mistakenId = await seedComment(sql, { paperId, author, body: "Try the notebook at example.org", minutesAgo: 1 });
  await sql`insert into comment_flags (user_id, comment_id, reason) values (${reader.id}, ${mistakenId}, 'spam')`;
  const flagOf = async () => (await sql<{ reason: string }[]>`select reason from comment_flags where comment_id = ${mistakenId} and user_id = ${reader.id}`)[0]?.reason;
  await page.goto(`/papers/${paperId}`);
  const mistaken = page.locator(`#comment-${mistakenId}`);
  await mistaken.getByRole("button", { name: "Flagged", exact: true }).click();
  await expect(mistaken).toContainText("You flagged it as “spam or advertising”.");
  await expect(mistaken.getByRole("radio", { name: "Spam or advertising" })).toBeChecked();
  await mistaken.getByRole("radio", { name: "Off topic for this paper" }).check();
  await mistaken.getByRole("button", { name: "Change the reason" }).click();
  await expect(mistaken.getByRole("status")).toContainText("Thank you: the moderators will look at it.");
  expect(await flagOf()).toBe("off-topic");
  await mistaken.getByRole("status").getByRole("button", { name: "Close" }).click();
  await mistaken.getByRole("button", { name: "Flagged", exact: true }).click();
  await expect(mistaken.getByRole("radio", { name: "Off topic for this paper" })).toBeChecked();
  await mistaken.getByRole("button", { name: "Withdraw your flag" }).click();
  await expect(mistaken.getByRole("status")).toContainText("Your flag is withdrawn.");
  expect(await flagOf()).toBeUndefined();
  await mistaken.getByRole("status").getByRole("button", { name: "Close" }).click();
  await expect(mistaken.getByRole("button", { name: "Flag", exact: true })).toBeFocused();
});
