import { expect, test, type Page } from "@playwright/test";
import { testSql } from "../support/db";
import { seedComment, seedPaper } from "../support/discussion";
import { seedReader } from "../support/readers";
import { actionIds, callAction, seedAdmin, sessionFor } from "./support";

// An XSS corpus in every field a person controls — comment bodies, display names, usernames (as
// an OAuth provider or an old row could hold them), a paper's title, abstract and links set by an
// admin, moderation reasons, and reflected query parameters — rendered in Chromium with a trap:
// no dialog opens, no payload sets the flag, no CSP violation is reported (a violation would mean
// markup survived escaping and only the policy stopped it), and no live dangerous markup exists.

const sql = testSql();
const ids = actionIds();
test.afterAll(async () => {
  await sql.end();
});

// Short enough for a display name (50 characters) where it matters; each calls alert() or sets
// the trap flag if it ever runs.
const HTML = [
  `<script>alert("h1")</script>`,
  `<img src=x onerror=alert("h2")>`,
  `<svg onload=alert("h3")>`,
  `<svg><script>__pb=3</script></svg>`,
  `<iframe srcdoc="<script>parent.__pb=4</script>">`,
  `<iframe src="javascript:alert('h5')">`,
  `<a href="javascript:alert('h6')">h6</a>`,
  `<div style="x:expression(alert('h7'))">h7</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=__pb=8>`,
  `&lt;script&gt;alert("h9")&lt;/script&gt;`,
  `&#60;img src=x onerror=alert("h10")&#62;`,
  `"><img src=x onerror=alert("h11")>`,
  `'><svg onload=alert("h12")>`,
  `<details open ontoggle=alert("h13")>`,
  `<object data="javascript:alert('h14')">`,
  `<embed src="data:text/html,<script>__pb=15</script>">`,
  `<input autofocus onfocus=alert("h16")>`,
  `<base href="javascript:alert('h17')//">`,
  `<meta http-equiv=refresh content="0;javascript:__pb=18">`,
  `<style>*{background:url(javascript:__pb=19)}</style>`,
  `javascript:alert("h20")`,
  `<ſcript>alert("h21")</ſcript><scr\u200bipt>alert("h21")</script>`,
  `\u003cimg src=x onerror=alert("h22")\u003e`,
];
// Markdown and math, for comment bodies (and math-rendered titles and abstracts).
const MARKDOWN = [
  `[m1](javascript:alert("m1"))`,
  `[m2](JaVaScRiPt:alert("m2"))`,
  `[m3](javascript&#58;alert("m3"))`,
  `[m4](&#x6A;avascript:alert("m4"))`,
  `![m5](javascript:alert("m5"))`,
  `[m6](data:text/html;base64,PHNjcmlwdD5hbGVydCgibTYiKTwvc2NyaXB0Pg==)`,
  `![m7](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoIm03Iik+)`,
  `<javascript:alert("m8")>`,
  `[m9][evil]\n\n[evil]: javascript:alert("m9")`,
  `[m10](vbscript:msgbox("m10"))`,
  `[m11](https://example.com "t\\" onmouseover=alert('m11'))`,
  `<https://example.com/"onmouseover="alert('m12')>`,
  `$\\href{javascript:alert("m13")}{m13}$`,
  `$\\url{javascript:alert("m14")}$`,
  `$$\\href{data:text/html,<script>alert("m15")</script>}{m15}$$`,
  `$\\htmlClass{x" onmouseover="alert('m16')}{m16}$`,
  `$\\htmlData{onerror=alert('m17')}{m17}$`,
  `$\\includegraphics{javascript:alert('m18')}$`,
  `$\\text{<img src=x onerror=alert("m19")>}$`,
];

function trap(page: Page) {
  const dialogs: string[] = [];
  const violations: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return { dialogs, violations };
}

/** Live markup a payload could have produced anywhere in the document. */
async function dangerousMarkup(page: Page) {
  return page.evaluate(() => {
    // React's own placeholder on Server Action forms, which only throws. Its wording differs
    // between React builds ("React form unexpectedly submitted." in one, "A React form was
    // unexpectedly submitted. If you called form.submit() …" in the one that renders forms on the client).
    const isReactForm = (value: string) => /^javascript:throw new Error\('(A )?React form (was )?unexpectedly submitted\./.test(value);
    const found: string[] = [];
    for (const el of document.querySelectorAll("*")) {
      for (const attr of el.getAttributeNames()) {
        const value = el.getAttribute(attr) ?? "";
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}=${value}`);
        if (["href", "src", "action", "formaction", "data", "srcdoc", "xlink:href"].includes(attr.toLowerCase()) && /^\s*(javascript|vbscript|data:text)/i.test(value) && !isReactForm(value)) {
          found.push(`${el.tagName} ${attr}=${value}`);
        }
      }
    }
    for (const el of document.querySelectorAll("iframe, object, embed, base, meta[http-equiv], form[action^='javascript' i]")) {
      if (!(el instanceof HTMLFormElement && isReactForm(el.getAttribute("action") ?? ""))) found.push(el.outerHTML.slice(0, 120));
    }
    // Every script is Next's own: nonced or a same-origin chunk.
    for (const s of document.querySelectorAll("script")) {
      if (!(s as HTMLScriptElement).nonce && !(s as HTMLScriptElement).getAttribute("src")?.startsWith("/_next/static/")) found.push(`script without nonce: ${s.outerHTML.slice(0, 120)}`);
    }
    return found;
  });
}

test("the XSS corpus renders inert in comments, names, usernames, paper fields, links and reasons", async ({ browser }) => {
  test.setTimeout(90_000);
  const paperId = await seedPaper(sql, "XSS target");
  await sql`insert into daily_entries (paper_id, day) values (${paperId}, ${new Date().toISOString().slice(0, 10)})`;
  const [mallory, adminUser] = await Promise.all([seedReader(sql, "sec_mallory"), seedAdmin(sql, "sec_xadmin")]);
  const [reader, admin] = await Promise.all([sessionFor(mallory.email), sessionFor(adminUser.email)]);

  // Comment bodies through the real action: a few long comments carry the whole corpus.
  const corpus = [...HTML, ...MARKDOWN];
  for (let i = 0; i < corpus.length; i += 12) {
    const body = corpus.slice(i, i + 12).map((p, j) => `Payload ${i + j}: ${p}`).join("\n\n");
    const posted = await callAction(reader, { path: `/papers/${paperId}`, id: ids.addCommentAction, args: [{ paperId, body }] });
    expect(posted.result?.ok, posted.text.slice(0, 300)).toBe(true);
  }

  // Display names (any text up to 50 characters is allowed) and usernames as rows could hold them
  // (sign-up refuses such usernames; see below), each with a comment and an upvote so they show.
  const people = HTML.filter((p) => p.length <= 50);
  const run = Date.now().toString(36);
  for (const [i, payload] of people.entries()) {
    const [row] = await sql<{ id: string }[]>`
      insert into users (id, username, name, email) values (${crypto.randomUUID()}, ${`x${run}${i}${payload}`.slice(0, 60)}, ${payload}, ${`xss${i}-${Date.now()}@e2e.paperboard.local`})
      returning id`;
    await seedComment(sql, { paperId, author: { id: row.id, username: "", email: "" }, body: `by payload person ${i}` });
    await sql`insert into votes (user_id, paper_id) values (${row.id}, ${paperId})`;
  }
  await sql`update papers set upvote_count = (select count(*) from votes where paper_id = ${paperId}) where id = ${paperId}`;

  // An admin's paper fields: title and abstract (rendered with math), and the two links.
  const edit = (fields: Record<string, string>) =>
    callAction(admin, { path: "/admin", id: ids.editPaperAction, form: { paperId, title: "XSS target", abstract: "An abstract.", githubRepo: "", projectPage: "", ...fields } });
  for (const link of ["javascript:alert('l1')", "JAVASCRIPT:alert('l2')", " javascript:alert('l3')", "data:text/html,<script>alert('l4')</script>", "vbscript:msgbox('l5')", "//evil.example", "java\tscript:alert('l6')"]) {
    const refused = await edit({ githubRepo: link, projectPage: link });
    expect(refused.result?.error?.code, link).toBe("invalid_input");
    expect(Object.keys(refused.result?.error?.fieldErrors ?? {}).sort(), link).toEqual(["githubRepo", "projectPage"]);
  }
  const saved = await edit({
    title: `${HTML[1]} $\\href{javascript:alert("t")}{t}$`,
    abstract: [...HTML.slice(0, 8), ...MARKDOWN.slice(12)].join(" "),
    githubRepo: `https://github.com/x/y"><img src=x onerror=alert("g")>`,
    projectPage: `https://example.com/'><svg onload=alert("p")>`,
    reason: `<img src=x onerror=alert("r")>`,
  });
  expect(saved.result?.ok, saved.text.slice(0, 300)).toBe(true);
  // Moderation reasons are public: hide and restore one of Mallory's comments with payload reasons.
  const [{ id: commentId }] = await sql<{ id: number }[]>`select id from comments where author_id = ${mallory.id} limit 1`;
  for (const [name, reason] of [["hideCommentAction", `<script>alert("hr")</script>`], ["unhideCommentAction", `"><svg onload=alert("ur")>`]] as const) {
    expect((await callAction(admin, { path: "/admin", id: ids[name], form: { commentId: String(commentId), reason } })).result?.ok).toBe(true);
  }
  // Sign-up refuses markup in a username outright.
  for (const username of [`<script>`, `a"onmouseover=x`, "<img/src/onerror=x>"]) {
    const signUp = await callAction(reader, { path: "/signup", id: ids.signUp, form: { username, name: "x", email: "xss-signup@e2e.paperboard.local", password: "a long enough passphrase" } });
    expect(signUp.text).toContain("Use lowercase letters");
  }
  const [{ username: payloadUser }] = await sql<{ username: string }[]>`select username from users where name = ${HTML[1]} limit 1`;

  // Render every page that shows these fields, signed out and as the admin, with the trap set.
  const pages = [
    `/papers/${paperId}`,
    "/",
    `/u/${encodeURIComponent(mallory.username)}`,
    `/u/${encodeURIComponent(payloadUser)}`,
    "/moderation",
    `/search?q=${encodeURIComponent(`"><img src=x onerror=alert("q")>`)}&from=${encodeURIComponent(`"><svg onload=alert("f")>`)}`,
    `/signin?error=${encodeURIComponent("<script>alert('e')</script>")}&code=${encodeURIComponent(`"><img src=x onerror=alert("c")>`)}&callbackUrl=${encodeURIComponent("javascript:alert('cb')")}`,
  ];
  const adminPages = ["/admin", "/admin/comments", `/admin/users?q=${encodeURIComponent("<script>")}`, `/admin/papers/${paperId}`];
  const anonymousContext = await browser.newContext();
  const adminContext = await browser.newContext({ storageState: await admin.storageState() });
  for (const [context, paths] of [[anonymousContext, pages], [adminContext, adminPages]] as const) {
    const page = await context.newPage();
    await page.addInitScript(() => {
      // The trap: payloads that run set __pb (or call alert, caught as a dialog).
      Object.defineProperty(window, "__pb", { set: (value) => ((window as unknown as { __pbHit: unknown }).__pbHit = value), configurable: false });
    });
    const { dialogs, violations } = trap(page);
    for (const path of paths) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(500);
      await page.waitForLoadState("load");
      expect(await dangerousMarkup(page), path).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __pbHit?: unknown }).__pbHit), path).toBeUndefined();
    }
    expect(dialogs).toEqual([]);
    expect(violations).toEqual([]);
  }
  // The paper page shows the links escaped, as links to where they say.
  const page = await anonymousContext.newPage();
  await page.goto(`/papers/${paperId}`);
  const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).protocol));
  expect(hrefs.filter((p) => !["http:", "https:", "mailto:"].includes(p))).toEqual([]);
  // Raw HTML in Markdown is dropped; escaped HTML shows as the text it is.
  await expect(page.locator("main")).toContainText(`Payload 9: <script>alert("h9")</script>`);
  await Promise.all([anonymousContext.close(), adminContext.close(), reader.dispose(), admin.dispose()]);
});
