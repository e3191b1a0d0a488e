import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { testSql } from "../support/db";
import { seedComment, seedPaper } from "../support/discussion";
import { seedReader } from "../support/readers";
import { actionIds, anonymousClient, BASE_URL, callAction, expectServerUp, fingerprint, seedAdmin, sessionFor } from "./support";

// Attacks on who may write: the middleware-bypass header, cross-site Server Action posts, every
// write signed out / as a stranger / as a banned reader, and fields nobody may set. Each attack is
// refused with a clear error and leaves every table exactly as it was.

const sql = testSql();
const ids = actionIds();
const today = () => new Date().toISOString().slice(0, 10);
const clients: APIRequestContext[] = [];
test.afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await sql.end();
});
async function track<T extends APIRequestContext>(client: Promise<T>) {
  const c = await client;
  clients.push(c);
  return c;
}

const ADMIN_ACTIONS = [
  "addToDayAction", "hideEntryAction", "unhideEntryAction", "pinEntryAction", "unpinEntryAction", "movePinAction", "moveEntryAction",
  "editPaperAction", "hideCommentAction", "unhideCommentAction", "banUserAction", "unbanUserAction", "setRoleAction",
];

/** Plausible input for every admin action at once, so only the guard stands in the way. */
async function adminInput(targetUserId: string, commentId: number) {
  const [{ id: entryId }] = await sql<{ id: number }[]>`select id from daily_entries where hidden_at is null order by id limit 1`;
  return {
    entryId: String(entryId), paperId: "2411.00042", day: today(), toDay: today(), reason: "security suite", direction: "up",
    commentId: String(commentId), userId: targetUserId, role: "admin", title: "pwned", abstract: "pwned", githubRepo: "", projectPage: "",
  };
}

const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/comments", "/admin/papers/2411.00042"];
/** What only an admin's page may carry: its tools, its forms' fields, and readers' email addresses. */
const ADMIN_ONLY_CONTENT = /Pin to top|name="entryId"|name="userId"|Curate|paperboard\.local/;

const BYPASS_HEADERS = [
  "middleware",
  "proxy",
  "src/middleware",
  "src/proxy",
  "pages/_middleware",
  "middleware:middleware:middleware:middleware:middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
];

test("x-middleware-subrequest changes nothing: admin pages and actions stay refused, the proxy's headers stay on", async () => {
  const paperId = await seedPaper(sql, "Bypass target");
  const plainUser = await seedReader(sql, "sec_plain");
  const commentId = await seedComment(sql, { paperId, author: plainUser, body: "A comment to moderate." });
  const plain = await track(sessionFor(plainUser.email));
  const anonymous = await track(anonymousClient());
  const input = await adminInput(plainUser.id, commentId);
  const before = await fingerprint(sql);

  for (const value of BYPASS_HEADERS) {
    const headers = { "x-middleware-subrequest": value };
    for (const [who, client, refusal, status] of [["anonymous", anonymous, "unauthorized", 401], ["plain reader", plain, "forbidden:role", 403]] as const) {
      for (const path of ADMIN_PAGES) {
        const response = await client.get(path, { headers, maxRedirects: 0 });
        const html = await response.text();
        // The status is what refuses: "Admins only" is in every admin page's payload, admins' too
        // (Next sends app/admin/forbidden.tsx with each route under it).
        expect(response.status(), `${path} ${who} ${value}`).toBe(status);
        expect(html, `${path} ${who} ${value}`).not.toMatch(ADMIN_ONLY_CONTENT);
        // The proxy still ran: its CSP with a nonce is on the answer.
        expect(response.headers()["content-security-policy"], `${path} ${value}`).toMatch(/'nonce-/);
      }
      for (const name of ADMIN_ACTIONS) {
        const call = await callAction(client, { path: "/admin", id: ids[name], form: input, headers });
        expect(call.result?.error?.code, `${name} ${who} ${value}`).toBe(refusal);
      }
      const vote = await client.post("/api/votes/papers", { headers, data: { paperId, upvoted: true } });
      expect(vote.status(), `vote ${who} ${value}`).toBe(who === "anonymous" ? 401 : 200);
      if (who !== "anonymous") await client.post("/api/votes/papers", { headers, data: { paperId, upvoted: false } }); // undo the allowed one
    }
  }
  expect(await fingerprint(sql)).toEqual(before);
});

const FOREIGN_ORIGINS = ["https://evil.example", "null", "http://localhost.evil.example", "http://127.0.0.2:3100", "http://localhost:1"];

test("Server Actions posted with a foreign Origin are refused, even with a valid admin or owner session", async () => {
  const paperId = await seedPaper(sql, "Cross-site target");
  const author = await seedReader(sql, "sec_author");
  const adminUser = await seedAdmin(sql);
  const mine = await seedComment(sql, { paperId, author, body: "Mine to edit.", minutesAgo: 1 });
  const [owner, admin] = await Promise.all([track(sessionFor(author.email)), track(sessionFor(adminUser.email))]);
  // Comment actions take a plain object; admin actions a form after the previous state.
  const attacks: [APIRequestContext, string, string, { args?: unknown[]; form?: Record<string, string> }][] = [
    [owner, `/papers/${paperId}`, "addCommentAction", { args: [{ paperId, body: "posted cross-site" }] }],
    [owner, `/papers/${paperId}`, "editCommentAction", { args: [{ commentId: mine, body: "edited cross-site", basedOn: "Mine to edit." }] }],
    [owner, `/papers/${paperId}`, "deleteCommentAction", { args: [{ commentId: mine }] }],
    [admin, "/admin", "hideCommentAction", { form: { commentId: String(mine), reason: "hidden cross-site" } }],
    [admin, "/admin", "setRoleAction", { form: { userId: author.id, role: "admin", reason: "promoted cross-site" } }],
  ];
  const before = await fingerprint(sql);
  for (const origin of FOREIGN_ORIGINS) {
    for (const [client, path, name, input] of attacks) {
      const call = await callAction(client, { path, id: ids[name], ...input, headers: { origin } });
      // Next refuses these before running the action (as a 500 with a digest, its choice of status).
      expect(call.status, `${name} from ${origin}`).toBeGreaterThanOrEqual(400);
      expect(call.result?.ok, `${name} from ${origin}`).not.toBe(true);
    }
    const vote = await owner.post("/api/votes/papers", { headers: { origin }, data: { paperId, upvoted: true } });
    expect(vote.status(), `vote from ${origin}`).toBe(403);
  }
  const siteOnly = await owner.post("/api/votes/papers", { headers: { "sec-fetch-site": "cross-site" }, data: { paperId, upvoted: true } });
  expect(siteOnly.status()).toBe(403);
  expect(await fingerprint(sql)).toEqual(before);

  // The same requests from our own origin work: the refusals above were about the origin alone.
  const edit = await callAction(owner, { path: `/papers/${paperId}`, id: ids.editCommentAction, args: [{ commentId: mine, body: "edited here", basedOn: "Mine to edit." }], headers: { origin: BASE_URL } });
  expect(edit.result).toEqual({ ok: true, data: { id: mine } });
  const hide = await callAction(admin, { path: "/admin", id: ids.hideCommentAction, form: { commentId: String(mine), reason: "hidden here" } });
  expect(hide.result?.ok, hide.text.slice(0, 400)).toBe(true);
});

test("every write refuses a visitor, a banned reader and a banned admin; Bob cannot touch Alice's comment", async () => {
  const paperId = await seedPaper(sql, "Write guard target");
  const [alice, bob, carol, adminUser] = await Promise.all([
    seedReader(sql, "sec_alice"),
    seedReader(sql, "sec_bob"),
    seedReader(sql, "sec_carol"),
    seedAdmin(sql, "sec_badmin"),
  ]);
  const alicesComment = await seedComment(sql, { paperId, author: alice, body: "Alice's words.", minutesAgo: 1 });
  const [anonymous, stranger, banned, bannedAdmin] = await Promise.all([anonymousClient(), sessionFor(bob.email), sessionFor(carol.email), sessionFor(adminUser.email)].map(track));
  // Banned after signing in: the session cookie is still valid, the account is not.
  await sql`update users set banned_at = now() where id in ${sql([carol.id, adminUser.id])}`;
  const input = await adminInput(bob.id, alicesComment);
  const before = await fingerprint(sql);

  type Write = { name: string; run: (client: APIRequestContext) => Promise<string | number | undefined> };
  const action = (name: string, path: string, args: unknown[]): Write => ({
    name,
    run: async (client) => (await callAction(client, { path, id: ids[name], args })).result?.error?.code,
  });
  const writes: Write[] = [
    { name: "POST /api/votes/papers", run: async (client) => (await client.post("/api/votes/papers", { data: { paperId, upvoted: true } })).status() },
    action("addCommentAction", `/papers/${paperId}`, [{ paperId, body: "hello" }]),
    action("addCommentAction", `/papers/${paperId}`, [{ paperId, parentId: alicesComment, body: "a reply" }]),
    action("editCommentAction", `/papers/${paperId}`, [{ commentId: alicesComment, body: "rewritten", basedOn: "Alice's words." }]),
    action("deleteCommentAction", `/papers/${paperId}`, [{ commentId: alicesComment }]),
    action("voteCommentAction", `/papers/${paperId}`, [{ commentId: alicesComment, upvoted: true }]),
  ];
  for (const write of writes) {
    const expected = write.name.startsWith("POST") ? [401, 403] : ["unauthorized", "forbidden:banned"];
    expect(await write.run(anonymous), `${write.name} signed out`).toBe(expected[0]);
    expect(await write.run(banned), `${write.name} banned`).toBe(expected[1]);
  }
  for (const [client, refusal] of [[anonymous, "unauthorized"], [banned, "forbidden:banned"]] as const) {
    const call = await callAction(client, { path: "/submit", id: ids.submitPaperAction, form: { arxiv: "2411.00042" } });
    expect(call.result?.error?.code, `submitPaperAction ${refusal}`).toBe(refusal);
    // Account settings act on the session's own account only, and need one.
    const rename = await callAction(client, { path: "/settings", id: ids.renameAction, form: { name: "Hijacked" } });
    expect(rename.result?.error?.code, `renameAction ${refusal}`).toBe(refusal);
    const password = await callAction(client, { path: "/settings", id: ids.passwordAction, form: { password: "a takeover passphrase" } });
    expect(password.result?.error?.code, `passwordAction ${refusal}`).toBe(refusal);
    // A suspended account cannot delete itself (its record stays), even naming itself correctly.
    const remove = await callAction(client, { path: "/settings", id: ids.deleteAccountAction, form: { confirm: carol.username, current: "a long enough passphrase" } });
    expect(remove.result?.error?.code, `deleteAccountAction ${refusal}`).toBe(refusal);
  }
  for (const name of ADMIN_ACTIONS) {
    const call = await callAction(bannedAdmin, { path: "/admin", id: ids[name], form: input });
    expect(call.result?.error?.code, `${name} as a banned admin`).toBe("forbidden:banned");
  }
  // A suspended admin's pages are refused like a plain reader's, and show no admin tool.
  for (const path of ADMIN_PAGES) {
    const page = await bannedAdmin.get(path, { maxRedirects: 0 });
    expect(page.status(), `${path} as a banned admin`).toBe(403);
    expect(await page.text(), `${path} as a banned admin`).not.toMatch(ADMIN_ONLY_CONTENT);
  }

  // Ownership: Bob edits and deletes Alice's comment, also claiming to be her.
  for (const claim of [{}, { authorId: alice.id, userId: alice.id }]) {
    const edit = await callAction(stranger, { path: `/papers/${paperId}`, id: ids.editCommentAction, args: [{ commentId: alicesComment, body: "Bob was here", basedOn: "Alice's words.", ...claim }] });
    expect(edit.result?.error).toEqual({ code: "forbidden", message: "You can only edit your own comments." });
    const del = await callAction(stranger, { path: `/papers/${paperId}`, id: ids.deleteCommentAction, args: [{ commentId: alicesComment, ...claim }] });
    expect(del.result?.error).toEqual({ code: "forbidden", message: "You can only delete your own comments." });
  }
  expect(await fingerprint(sql)).toEqual(before);
});

test("mass assignment and __proto__ keys are ignored or refused, and pollute nothing", async () => {
  const paperId = await seedPaper(sql, "Mass assignment target");
  const [alice, bob, adminUser] = await Promise.all([seedReader(sql, "sec_victim"), seedReader(sql, "sec_mass"), seedAdmin(sql, "sec_madmin")]);
  const [reader, admin, anonymous] = await Promise.all([sessionFor(bob.email), sessionFor(adminUser.email), anonymousClient()].map(track));
  const claims = { role: "admin", userId: alice.id, authorId: alice.id, upvotes: 999, upvoteCount: 999, id: 1, createdAt: "2001-01-01T00:00:00Z", depth: 5, hiddenAt: null, bannedAt: null };
  const polluters = ['"__proto__":{"role":"admin","bannedAt":null,"pbPolluted":"yes"}', '"constructor":{"prototype":{"role":"admin","pbPolluted":"yes"}}'];
  const json = (value: object, polluter: string) => `{${polluter},${JSON.stringify(value).slice(1)}`;
  const responses: string[] = [];

  // The vote endpoint is strict: any unknown key is a 400, and nothing moves.
  const before = await fingerprint(sql);
  for (const body of [JSON.stringify({ paperId, upvoted: true, ...claims }), ...polluters.map((p) => json({ paperId, upvoted: true }, p))]) {
    const response = await reader.post("/api/votes/papers", { headers: { "content-type": "application/json" }, data: body });
    expect(response.status(), body).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_input");
  }
  expect(await fingerprint(sql)).toEqual(before);

  // Comment actions keep only their own fields: the comment is Bob's, fresh, unvoted, top-level.
  const id = ids.addCommentAction;
  for (const [i, polluter] of polluters.entries()) {
    const body = `[${json({ paperId, body: `mass ${i}`, ...claims }, polluter)}]`;
    const response = await reader.post(`/papers/${paperId}`, { headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" }, data: body });
    responses.push(await response.text());
  }
  const form = Object.fromEntries(Object.entries({ paperId, body: "mass form", ...claims }).map(([k, v]) => [k, String(v)]));
  responses.push((await callAction(reader, { path: `/papers/${paperId}`, id, form, withState: false })).text);
  const posted = await sql<{ id: number; author_id: string; upvote_count: number; depth: number; parent_id: number | null; age: number }[]>`
    select id, author_id, upvote_count, depth, parent_id, extract(epoch from now() - created_at)::int as age from comments where paper_id = ${paperId} order by id`;
  expect(posted, responses.join("\n").slice(0, 1500)).toHaveLength(3);
  for (const row of posted) {
    expect(row).toMatchObject({ author_id: bob.id, upvote_count: 0, depth: 0, parent_id: null });
    expect(row.id).not.toBe(1);
    expect(row.age).toBeLessThan(600);
  }

  // An admin editing a paper cannot set its counters or ID either.
  const [paperBefore] = await sql`select id, upvote_count, comment_count, created_at from papers where id = ${paperId}`;
  const edit = await callAction(admin, { path: "/admin", id: ids.editPaperAction, form: { paperId, title: "Mass assignment target", abstract: "An abstract for the discussion tests.", githubRepo: "", projectPage: "", upvoteCount: "999", commentCount: "999", id: "2401.00001", createdAt: "2001-01-01" } });
  expect(edit.result?.ok).toBe(true);
  expect((await sql`select id, upvote_count, comment_count, created_at from papers where id = ${paperId}`)[0]).toEqual(paperBefore);

  // Sign-up (a real form post) keeps only username, name, email and password.
  const username = `sec_signup_${Date.now().toString(36).slice(-5)}`;
  const signUp = await callAction(await track(anonymousClient()), {
    path: "/signup",
    id: ids.signUp,
    form: { username, name: "Mass Assigner", email: `${username}@e2e.paperboard.local`, password: "a long enough passphrase", role: "admin", id: "chosen-id", emailVerified: "2001-01-01", bannedAt: "", sessionVersion: "-1", createdAt: "2001-01-01", __proto__: "x" },
  });
  expect(signUp.status).toBeLessThan(400); // signed in and sent on (the new account exists below)
  const [created] = await sql<{ id: string; role: string; email_verified: Date | null; session_version: number; age: number }[]>`
    select id, role, email_verified, session_version, extract(epoch from now() - created_at)::int as age from users where username = ${username}`;
  expect(created).toMatchObject({ role: "user", email_verified: null, session_version: 0 });
  expect(created.id).not.toBe("chosen-id");
  expect(created.age).toBeLessThan(600);

  // Nothing was polluted: the guards still refuse, and no answer carries the canary.
  const plainCall = await callAction(reader, { path: "/admin", id: ids.setRoleAction, form: { userId: bob.id, role: "admin", reason: "after pollution" } });
  expect(plainCall.result?.error?.code).toBe("forbidden:role");
  const anonymousCall = await callAction(anonymous, { path: `/papers/${paperId}`, id, args: [{ paperId, body: "after pollution" }] });
  expect(anonymousCall.result?.error?.code).toBe("unauthorized");
  responses.push(plainCall.text, anonymousCall.text, await (await anonymous.get("/api/daily_papers?limit=5")).text());
  for (const text of responses) expect(text).not.toContain("pbPolluted");
  expect((await sql`select role from users where id = ${bob.id}`)[0].role).toBe("user");
  await expectServerUp(anonymous);
});

test("a React2Shell-style Flight payload (CVE-2025-55182) runs nothing", async () => {
  const marker = path.join(os.tmpdir(), `paperboard-react2shell-${process.pid}-${Date.now()}`);
  const chunk = {
    then: "$1:__proto__:then",
    status: "resolved_model",
    reason: -1,
    value: '{"then":"$B1337"}',
    _response: {
      _prefix: `process.mainModule.require('fs').writeFileSync(${JSON.stringify(marker)}, 'pwned');`,
      _chunks: "$Q2",
      _formData: { get: "$1:constructor:constructor" },
    },
  };
  const anonymous = await track(anonymousClient());
  for (const actionId of [ids.addCommentAction, "x"]) {
    const response = await anonymous.post("/", { headers: { "next-action": actionId, accept: "text/x-component" }, multipart: { "0": JSON.stringify(chunk), "1": '"$@0"', "2": "[]" }, maxRedirects: 0 });
    expect(response.status(), actionId).toBeGreaterThanOrEqual(400);
  }
  expect(fs.existsSync(marker)).toBe(false);
  await expectServerUp(anonymous);
});
