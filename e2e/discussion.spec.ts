import { expect, test, type Page } from "@playwright/test";
import { testSql } from "./support/db";
import { commentBy, nameOf, seedComment, seedPaper, type Reader } from "./support/discussion";
import { fillSignInForm, seedReader, signIn } from "./support/readers";
import { screenshotBothWidths } from "./support/screenshots";

// The discussion on a paper page, in a real browser against `next build && next start`, with
// readers seeded straight into the database and every claim checked against the database too.

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

const paperUrl = (paperId: string) => `/papers/${paperId}`;
// Next's route announcer is an alert too; the discussion's own alerts are inside its section.
const discussion = (page: Page) => page.locator("#discussion");

async function commentRow(id: number) {
  const [row] = await sql<{ body: string; edited_at: Date | null; deleted_at: Date | null; parent_id: number | null }[]>`
    select body, edited_at, deleted_at, parent_id from comments where id = ${id}`;
  return row;
}

async function commentsBy(reader: Reader) {
  return sql<{ id: number; body: string; parent_id: number | null }[]>`select id, body, parent_id from comments where author_id = ${reader.id} order by id`;
}

async function commentCount(paperId: string) {
  const [row] = await sql<{ stored: number; counted: number }[]>`
    select comment_count as stored,
           (select count(*)::int from comments where paper_id = ${paperId} and deleted_at is null and hidden_at is null) as counted
    from papers where id = ${paperId}`;
  expect(row.stored).toBe(row.counted);
  return row.stored;
}

async function postComment(page: Page, body: string) {
  await page.getByLabel("Add a comment").fill(body);
  await page.getByRole("button", { name: "Post comment" }).click();
}

test("a reader comments with Markdown and math, gets a reply, edits and deletes", async ({ browser, page }) => {
  const paperId = await seedPaper(sql, "Threads in practice");
  const alice = await seedReader(sql, "alice");
  const bob = await seedReader(sql, "bob");

  await signIn(page, alice.email);
  await page.goto(paperUrl(paperId));
  await postComment(page, "A **bold** claim: $e^{i\\pi} + 1 = 0$, and\n\n$$\n\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}\n$$");
  const mine = commentBy(page, alice);
  await expect(mine.locator("strong")).toHaveText("bold");
  await expect(mine.locator(".comment-prose .katex").first()).toBeVisible();
  await expect(mine.locator(".comment-prose .katex-display")).toBeVisible();
  await expect(page.getByRole("status")).toContainText("Your comment is posted.");
  const [posted] = await commentsBy(alice);
  expect(posted.body).toContain("$e^{i\\pi} + 1 = 0$");
  expect(await commentCount(paperId)).toBe(1);

  const bobContext = await browser.newContext();
  const bobPage = await bobContext.newPage();
  await signIn(bobPage, bob.email);
  await bobPage.goto(paperUrl(paperId));
  await commentBy(bobPage, alice).getByRole("button", { name: "Reply", exact: true }).click();
  await bobPage.getByLabel(`Reply to ${nameOf(alice)}`).fill("Which $n$ does this hold for?");
  await bobPage.getByRole("button", { name: "Post reply" }).click();
  // The reply sits in the list nested under Alice's comment.
  const replies = bobPage.locator(`li:has(> #comment-${posted.id}) > ol`);
  await expect(replies.getByRole("article", { name: `Comment by ${nameOf(bob)}` })).toContainText("Which");
  const [reply] = await commentsBy(bob);
  expect(reply.parent_id).toBe(posted.id);
  expect(await commentCount(paperId)).toBe(2);

  await page.reload();
  await mine.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByLabel("Edit your comment").fill("A **bolder** claim, corrected.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(mine.locator("strong")).toHaveText("bolder");
  await expect(mine.getByText("edited", { exact: true })).toBeVisible();
  expect((await commentRow(posted.id)).edited_at).not.toBeNull();

  await mine.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete comment" }).click();
  const deleted = page.getByRole("article", { name: "Deleted comment" });
  await expect(deleted).toContainText("[deleted]");
  await expect(page.getByText("bolder")).toHaveCount(0);
  await expect(page.locator(`li:has(> #comment-${posted.id}) > ol`).getByRole("article", { name: `Comment by ${nameOf(bob)}` })).toBeVisible();
  expect((await commentRow(posted.id)).deleted_at).not.toBeNull();
  expect(await commentCount(paperId)).toBe(1);
  await bobContext.close();
});

test("upvoting a comment counts once and can be taken back", async ({ page }) => {
  const paperId = await seedPaper(sql, "Votes on comments");
  const alice = await seedReader(sql, "voted");
  const bob = await seedReader(sql, "voter");
  const id = await seedComment(sql, { paperId, author: alice, body: "Worth a vote." });

  await signIn(page, bob.email);
  await page.goto(paperUrl(paperId));
  const upvote = commentBy(page, alice).getByRole("button", { name: `Upvote ${nameOf(alice)}'s comment (0 upvotes)` });
  await upvote.click();
  const pressed = commentBy(page, alice).getByRole("button", { name: /Remove your upvote/ });
  await expect(pressed).toHaveAttribute("aria-pressed", "true");
  await expect(pressed).toContainText("1");
  await expect.poll(async () => (await sql`select upvote_count from comments where id = ${id}`)[0].upvote_count).toBe(1);

  await page.reload();
  await expect(pressed).toContainText("1");
  await pressed.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await sql`select count(*)::int as n from comment_votes where comment_id = ${id}`)[0].n).toBe(0);
});

test("Bob cannot edit or delete Alice's comment, in the UI or by calling the actions", async ({ page }) => {
  const paperId = await seedPaper(sql, "Ownership");
  const alice = await seedReader(sql, "owner");
  const bob = await seedReader(sql, "intruder");
  const alicesId = await seedComment(sql, { paperId, author: alice, body: "Alice's own words.", minutesAgo: 1 });
  const before = await commentRow(alicesId);

  await signIn(page, bob.email);
  await page.goto(paperUrl(paperId));
  const alices = commentBy(page, alice);
  await expect(alices.getByRole("button", { name: "Reply", exact: true })).toBeVisible();
  await expect(alices.getByRole("button", { name: "Edit", exact: true })).toHaveCount(0);
  await expect(alices.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);

  // Bob's own comment gives him the real forms; he points them at Alice's comment and submits.
  await postComment(page, "Bob's comment.");
  const bobs = commentBy(page, bob);
  await bobs.getByRole("button", { name: "Edit", exact: true }).click();
  await page.getByLabel("Edit your comment").fill("Bob was here.");
  await bobs.locator('input[name="commentId"]').evaluate((input: HTMLInputElement, id) => (input.value = String(id)), alicesId);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(bobs.getByRole("alert")).toHaveText("You can only edit your own comments.");

  await bobs.getByRole("button", { name: "Cancel", exact: true }).click();
  await bobs.getByRole("button", { name: "Delete", exact: true }).click();
  await bobs.locator('input[name="commentId"]').evaluate((input: HTMLInputElement, id) => (input.value = String(id)), alicesId);
  await page.getByRole("button", { name: "Delete comment" }).click();
  await expect(bobs.getByRole("alert")).toHaveText("You can only delete your own comments.");

  expect(await commentRow(alicesId)).toEqual(before);
  await page.reload();
  await expect(commentBy(page, alice)).toContainText("Alice's own words.");
  expect(await commentCount(paperId)).toBe(2);
});

test("an edit saved in one tab is not overwritten by an older edit form in another", async ({ context, page }) => {
  const paperId = await seedPaper(sql, "Two tabs");
  const author = await seedReader(sql, "twotabs");
  // Several lines: the browser sends the form's copy of the text with CRLF line breaks.
  const id = await seedComment(sql, { paperId, author, body: "First line,\nsecond line.", minutesAgo: 1 });
  await signIn(page, author.email);
  const other = await context.newPage();
  for (const tab of [page, other]) {
    await tab.goto(paperUrl(paperId));
    await tab.locator(`#comment-${id}`).getByRole("button", { name: "Edit", exact: true }).click();
  }

  await other.getByLabel("Edit your comment").fill("Saved in the other tab.");
  await other.getByRole("button", { name: "Save", exact: true }).click();
  // The rendered body, not the form: a textarea's text holds what was typed before the server answers.
  await expect(other.locator(`#comment-${id} .comment-prose`)).toContainText("Saved in the other tab.");

  // This tab posts something else meanwhile, which asks the server for the author's texts again:
  // the open edit must still count as begun from the first words.
  await page.getByLabel("Add a comment").fill("A separate remark.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(commentBy(page, author, "A separate remark.")).toBeVisible();

  const mine = page.locator(`#comment-${id}`);
  await page.getByLabel("Edit your comment").fill("Older form, newer typing.");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(mine.getByRole("alert")).toContainText("changed elsewhere");
  // The newer words are shown under the reader's own, which stay in the box.
  await expect(mine.getByRole("status")).toContainText("Saved in the other tab.");
  await expect(page.getByLabel("Edit your comment")).toHaveValue("Older form, newer typing.");
  expect((await commentRow(id)).body).toBe("Saved in the other tab.");

  // Having seen them, saving again replaces them.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(mine.locator(".comment-prose")).toContainText("Older form, newer typing.");
  expect((await commentRow(id)).body).toBe("Older form, newer typing.");
  await other.close();
});

test("HTML and script in comments render inert", async ({ page }) => {
  const paperId = await seedPaper(sql, "Hostile input");
  const mallory = await seedReader(sql, "mallory");
  const payloads = [
    "<script>alert('script')</script>",
    "<img src=x onerror=alert('img')>",
    '<svg onload="alert(\'svg\')"><circle r="10"/></svg>',
    "[javascript link](javascript:alert('js'))",
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(\'raw\')">raw link</a>',
    '<iframe src="javascript:alert(\'iframe\')"></iframe>',
    "<details open ontoggle=alert('toggle')>x</details>",
    "$\\href{javascript:alert('katex')}{math link}$",
  ];
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  await signIn(page, mallory.email);
  await page.goto(paperUrl(paperId));
  for (const [i, payload] of payloads.entries()) {
    await postComment(page, `Payload ${i}: ${payload}`);
    await expect(commentBy(page, mallory, `Payload ${i}:`)).toBeVisible();
  }
  await page.reload();
  const bodies = page.locator(".comment-prose");
  await expect(bodies).toHaveCount(payloads.length);
  for (const link of await bodies.locator("a").all()) await link.click();
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(paperUrl(paperId)); // no link went anywhere

  expect(dialogs).toEqual([]);
  await expect(bodies.locator("script, iframe, object, embed, form, [onerror], [onload], [ontoggle]")).toHaveCount(0);
  const hrefs = await bodies.locator("a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
});

test("a comment over 10,000 characters is refused and not stored", async ({ page }) => {
  const paperId = await seedPaper(sql, "Long-windedness");
  const verbose = await seedReader(sql, "verbose");

  await signIn(page, verbose.email);
  await page.goto(paperUrl(paperId));
  await page.getByLabel("Add a comment").fill("x".repeat(10_001));
  await expect(page.getByText("10,001 / 10,000 characters (1 too many)")).toBeVisible();
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(discussion(page).getByRole("alert")).toHaveText("Comments are limited to 10,000 characters.");
  await expect(page.getByLabel("Add a comment")).toHaveAttribute("aria-invalid", "true");
  expect(await commentsBy(verbose)).toEqual([]);
  expect(await commentCount(paperId)).toBe(0);
});

test("a draft survives closing the form and reloading, and Ctrl+Enter posts it", async ({ page }) => {
  const paperId = await seedPaper(sql, "Drafts");
  const [author, replier] = [await seedReader(sql, "drafted"), await seedReader(sql, "drafter")];
  await seedComment(sql, { paperId, author, body: "A claim worth answering." });
  await signIn(page, replier.email);
  await page.goto(paperUrl(paperId));
  const openReply = () => commentBy(page, author).getByRole("button", { name: "Reply", exact: true }).click();
  const replyBox = page.getByLabel(`Reply to ${nameOf(author)}`);

  await openReply();
  await replyBox.fill("Half a thought about $x$,\nstill going");
  await replyBox.press("Escape");
  await expect(replyBox).toHaveCount(0);
  await openReply();
  await expect(replyBox).toHaveValue("Half a thought about $x$,\nstill going");
  await page.reload();
  await openReply();
  await expect(replyBox).toHaveValue("Half a thought about $x$,\nstill going");

  await replyBox.press("Control+Enter");
  // The page shows the reply once the server has stored it; only then ask the database (the
  // embedded database's socket must not be asked while the app is writing).
  await expect(commentBy(page, replier)).toContainText("still going");
  expect((await commentsBy(replier)).map((c) => c.body)).toEqual(["Half a thought about $x$,\nstill going"]);
  await openReply(); // posted: the draft is gone
  await expect(replyBox).toHaveValue("");

  // Signing out forgets drafts: the next person at this browser does not see them.
  await replyBox.fill("Not for anyone else's eyes");
  await replyBox.press("Escape");
  await page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, author.email);
  await page.goto(paperUrl(paperId));
  await openReply();
  await expect(replyBox).toHaveValue("");
});

test("a comment just under the limit on many lines is accepted, as its counter says", async ({ page }) => {
  const paperId = await seedPaper(sql, "Many lines");
  const reader = await seedReader(sql, "manylines");
  await signIn(page, reader.email);
  await page.goto(paperUrl(paperId));
  // 100 lines of 99 characters: 9,999 with one character per line break, as the counter counts;
  // the browser sends each break as CRLF (two).
  const body = Array.from({ length: 100 }, () => "x".repeat(99)).join("\n");
  await page.getByLabel("Add a comment").fill(body);
  await expect(page.getByText("9,999 / 10,000 characters")).toBeVisible();
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Your comment is posted." })).toBeVisible();
  expect((await commentsBy(reader)).map((c) => c.body)).toEqual([body]);
});

test("signed-out readers see the thread and a way to sign in that comes back", async ({ page }) => {
  const paperId = await seedPaper(sql, "Reading only");
  const author = await seedReader(sql, "author");
  await seedComment(sql, { paperId, author, body: "Visible to everyone." });

  await page.goto(paperUrl(paperId));
  await expect(commentBy(page, author)).toContainText("Visible to everyone.");
  await expect(page.getByLabel("Add a comment")).toHaveCount(0);
  await expect(commentBy(page, author).getByRole("button")).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in to join the discussion" }).click();

  await fillSignInForm(page, author.email);
  await expect(page).toHaveURL(`${paperUrl(paperId)}#discussion`);
  await expect(page.getByLabel("Add a comment")).toBeVisible();
});

test("a suspended reader cannot comment", async ({ page }) => {
  const paperId = await seedPaper(sql, "Suspensions");
  const carol = await seedReader(sql, "carol");

  await signIn(page, carol.email);
  await page.goto(paperUrl(paperId));
  await expect(page.getByLabel("Add a comment")).toBeVisible(); // the page knows who is reading
  await sql`update users set banned_at = now() where id = ${carol.id}`; // banned while the page is open
  await postComment(page, "One last word.");
  await expect(discussion(page).getByRole("alert")).toHaveText("Your account is suspended, so you cannot do that.");
  expect(await commentsBy(carol)).toEqual([]);

  await page.reload();
  await expect(page.getByText("Your account is suspended, so you cannot comment or vote.")).toBeVisible();
  await expect(page.getByLabel("Add a comment")).toHaveCount(0);
});

test("posting too fast is refused with when to try again", async ({ page }) => {
  const paperId = await seedPaper(sql, "Rate limits");
  const newcomer = await seedReader(sql, "newcomer", { ageDays: 0 }); // new accounts: 5 comments per 10 minutes

  await signIn(page, newcomer.email);
  await page.goto(paperUrl(paperId));
  for (let i = 1; i <= 5; i++) {
    await postComment(page, `Comment number ${i}`);
    await expect(commentBy(page, newcomer, `Comment number ${i}`)).toBeVisible();
  }
  await postComment(page, "Comment number 6");
  await expect(discussion(page).getByRole("alert")).toHaveText(/^You are doing that too often\. Try again in \d+ seconds\.$/);
  await expect(page.getByLabel("Add a comment")).toHaveValue("Comment number 6"); // nothing typed is lost
  expect(await commentsBy(newcomer)).toHaveLength(5);
});

test("the thread sorts by best or newest, nests replies, and reads well on a phone and in the dark", async ({ page }, testInfo) => {
  const paperId = await seedPaper(sql, "A well-discussed paper");
  const [ada, ben, cyd] = await Promise.all([seedReader(sql, "ada"), seedReader(sql, "ben"), seedReader(sql, "cyd")]);
  const old = await seedComment(sql, { paperId, author: ada, body: "The proof of **Lemma 3** needs $f$ to be *convex*: is that assumed?", minutesAgo: 300, upvotes: 7 });
  let parent = await seedComment(sql, { paperId, author: ben, body: "It is, in Section 2: $f(\\lambda x + (1-\\lambda) y) \\le \\lambda f(x) + (1-\\lambda) f(y)$.", parentId: old, depth: 1, minutesAgo: 240, upvotes: 3 });
  for (let depth = 2; depth < 8; depth++) {
    const author = [ada, ben, cyd][depth % 3];
    parent = await seedComment(sql, { paperId, author, body: `Depth ${depth}: and yet the constant in $O(n \\log n)$ still matters here.`, parentId: parent, depth, minutesAgo: 240 - depth * 10 });
  }
  const gone = await seedComment(sql, { paperId, author: cyd, body: "Retracted.", parentId: old, depth: 1, minutesAgo: 200 });
  await seedComment(sql, { paperId, author: ada, body: "Agreed, thanks.", parentId: gone, depth: 2, minutesAgo: 190 });
  await sql`update comments set deleted_at = now() where id = ${gone}`;
  // A deleted reply with nothing beneath it leaves no "[deleted]" stub behind.
  const withdrawn = await seedComment(sql, { paperId, author: cyd, body: "Never mind.", parentId: old, depth: 1, minutesAgo: 150 });
  await sql`update comments set deleted_at = now() where id = ${withdrawn}`;
  const removed = await seedComment(sql, { paperId, author: ben, body: "Buy cheap watches", minutesAgo: 100 });
  await sql`update comments set hidden_at = now(), hidden_reason = 'spam' where id = ${removed}`;
  await sql`update papers set comment_count = comment_count - 3 where id = ${paperId}`;
  await seedComment(sql, { paperId, author: cyd, body: "Code is at `github.com/example/repo`:\n\n```python\nprint(sum(range(11)))\n```", minutesAgo: 5 });
  expect(await commentCount(paperId)).toBe(10); // thirteen rows, two deleted and one hidden
  // Inline math as wide as KaTeX allows must not widen the page (checked at 390 px below).
  await seedComment(sql, { paperId, author: ada, body: "A wall: $\\rule{1000em}{1000em}$ and some text after it.", minutesAgo: 7 });

  await signIn(page, cyd.email);
  await page.goto(paperUrl(paperId));
  const topLevel = page.locator("#discussion > ol > li > article");
  await expect(topLevel.first()).toHaveAttribute("id", `comment-${old}`);
  await expect(page.getByRole("article", { name: "Removed comment" })).toHaveText(/\[removed by a moderator\]/);
  await expect(page.getByRole("article", { name: "Deleted comment" })).toHaveText(/\[deleted\]/);
  await expect(page.locator(`#comment-${withdrawn}`)).toHaveCount(0);

  await page.getByRole("group", { name: "Sort comments" }).getByRole("button", { name: "Newest" }).click();
  await expect(page).toHaveURL(/\?sort=new$/);
  await expect(page.getByRole("button", { name: "Newest" })).toHaveAttribute("aria-pressed", "true");
  await expect(topLevel.first()).toContainText("Code is at");
  // The order is in the address: a reload (or a shared link) keeps it, though the page is cached.
  await page.reload();
  await expect(page.getByRole("button", { name: "Newest" })).toHaveAttribute("aria-pressed", "true");
  await expect(topLevel.first()).toContainText("Code is at");

  await page.goto(`${paperUrl(paperId)}?sort=best`);
  await commentBy(page, ben).first().getByRole("button", { name: "Reply", exact: true }).click();
  await screenshotBothWidths(page, testInfo, "discussion");
  await page.emulateMedia({ colorScheme: "dark" });
  await screenshotBothWidths(page, testInfo, "discussion-dark");

  // Even the deepest reply keeps to the phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBe(0);
});

test("a reader's profile shows their comments rendered, as the paper page does", async ({ page }) => {
  const paperId = await seedPaper(sql, "Profiled discussion");
  const ada = await seedReader(sql, "profiled");
  await seedComment(sql, { paperId, author: ada, body: "**Nice paper.** Euler: $e^{i\\pi}+1=0$ and a <script>alert(1)</script> tag." });

  await page.goto(`/u/${ada.username}`);
  const recent = page.getByRole("region", { name: "Recent comments" });
  await expect(recent.locator("strong")).toHaveText("Nice paper.");
  await expect(recent.locator(".katex")).toHaveCount(1);
  await expect(recent).not.toContainText("**");
  await expect(recent).not.toContainText("$e^");
  await expect(recent.locator("script")).toHaveCount(0);
});

test("from the keyboard, focus lands somewhere useful after a refusal, a post and a deletion", async ({ page }) => {
  const paperId = await seedPaper(sql, "Keyboard discussion");
  const reader = await seedReader(sql, "keys");
  await signIn(page, reader.email);
  await page.goto(paperUrl(paperId));
  const box = page.getByLabel("Add a comment");
  const post = page.getByRole("button", { name: "Post comment" });

  // Refused (only spaces): back in the text, to fix it.
  await box.fill("   ");
  await post.focus();
  await page.keyboard.press("Enter");
  await expect(discussion(page).getByText("Write something before posting.")).toBeVisible();
  await expect(box).toBeFocused();

  // Posted: back in the (now empty) text, with the notice beside it.
  await box.fill("Typed without a mouse.");
  await post.focus();
  await page.keyboard.press("Enter");
  await expect(discussion(page).getByRole("status")).toContainText("Your comment is posted.");
  await expect(box).toBeFocused();
  await expect(box).toHaveValue("");

  // Deleted: to the discussion's heading, and the notice pointing at it goes too.
  const mine = commentBy(page, reader);
  await mine.getByRole("button", { name: "Delete", exact: true }).click();
  await page.getByRole("button", { name: "Delete comment" }).focus();
  await page.keyboard.press("Enter");
  await expect(mine).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Discussion (0)" })).toBeFocused();
  await expect(discussion(page).getByRole("status")).not.toContainText("Your comment is posted.");
});

test("a long thread can be skipped from the keyboard", async ({ page }) => {
  const paperId = await seedPaper(sql, "A long discussion");
  const talker = await seedReader(sql, "talker");
  for (let i = 0; i < 12; i++) await seedComment(sql, { paperId, author: talker, body: `Point number ${i}.`, minutesAgo: 60 - i });
  await page.goto(paperUrl(paperId));
  const skip = discussion(page).getByRole("link", { name: "Skip the 12 comments" });
  await skip.focus();
  await expect(skip).toBeVisible(); // hidden until focused, then shown
  await page.keyboard.press("Enter");
  await expect(page.locator("#after-discussion")).toBeFocused();
  // The next Tab leaves the thread behind: it is not on one of its comments.
  await page.keyboard.press("Tab");
  expect(await page.evaluate(() => Boolean(document.activeElement?.closest("#discussion article")))).toBe(false);
});

test("a link to one comment marks that comment on the page", async ({ page }) => {
  const author = await seedReader(sql, "permalink");
  const paperId = await seedPaper(sql, "Permalinks to comments");
  const first = await seedComment(sql, { paperId, author, body: "The first remark.", minutesAgo: 5 });
  const second = await seedComment(sql, { paperId, author, body: "The remark linked to.", minutesAgo: 4 });
  await page.goto(`/papers/${paperId}#comment-${second}`);
  const outline = (id: number) => page.locator(`#comment-${id}`).evaluate((el) => getComputedStyle(el).outlineStyle);
  await expect.poll(() => outline(second)).toBe("solid");
  expect(await outline(first)).toBe("none");
});
