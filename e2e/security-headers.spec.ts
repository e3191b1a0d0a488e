import { readFileSync } from "node:fs";
import { expect, test, type APIResponse, type Page } from "@playwright/test";
import { deploymentNonce } from "@/lib/security-headers";
import { testSql } from "./support/db";
import { seedPaper } from "./support/discussion";
import { MATH_PAPER } from "./support/math-paper";
import { seedReader, signIn } from "./support/readers";

// Every page type answers with the security headers, and still works in a real browser under the
// policy: no CSP violation is reported while reading, voting, commenting and signing in and out.
// An injected script without the nonce does not run. Pages rendered per request get a fresh nonce
// each time; the cached public pages carry the deployment's nonce, the one in their cached HTML.

const sql = testSql();
test.afterAll(async () => {
  await sql.end();
});

// Sign-in and sign-up redirect a signed-in reader away, so they are visited signed out.
// The pages a browser lands on signed out after deleting an account or unsubscribing: prerendered
// at build time, they once had no nonce and the browser refused their scripts.
const SIGNED_OUT_PAGES = ["/signin", "/signup", "/account-deleted", "/unsubscribe/done"];
// The math paper is listed on 2024-11-04, which is in ISO week 2024-W45.
const SIGNED_IN_PAGES = [
  "/",
  "/papers/date/2024-11-04",
  "/papers/week/2024-W45",
  `/papers/${MATH_PAPER.id}`,
  "/submit",
  "/admin",
  "/search?q=diffusion",
  "/trending",
  "/subscribe",
  "/moderation",
  "/u/alice",
  "/settings",
  "/settings/email?token=not-a-token",
];

// Served from the page cache (lib/cached-pages.ts), so their nonce is the deployment's.
const CACHED_PAGES = new Set(["/", "/papers/date/2024-11-04", "/papers/week/2024-W45", `/papers/${MATH_PAPER.id}`, "/trending"]);

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})';/;
const CSP_MESSAGE = /Content Security Policy|Refused to/i;

async function seedAdmin() {
  const admin = await seedReader(sql, "csp_admin");
  await sql`update users set role = 'admin' where id = ${admin.id}`;
  return admin;
}

function expectSecurityHeaders(response: APIResponse, path: string) {
  const headers = response.headers();
  expect(headers["content-security-policy"], path).toMatch(NONCE);
  expect(headers["content-security-policy"], path).toContain("object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
  expect(headers["permissions-policy"], path).toBe("camera=(), microphone=(), geolocation=(), browsing-topics=()");
  expect(headers["x-frame-options"], path).toBe("DENY");
  return headers["content-security-policy"].match(NONCE)![1];
}

/** Collects CSP reports and uncaught errors for as long as the page lives. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

test("every page type sends the headers, with a nonce that Next puts on its scripts: new each time, or the deployment's on cached pages", async ({ page, request }) => {
  const signedOut = SIGNED_OUT_PAGES.map((path) => [path, request] as const);
  await signIn(page, (await seedAdmin()).email); // /submit and /admin need a signed-in admin
  const signedIn = SIGNED_IN_PAGES.map((path) => [path, page.request] as const);
  for (const [path, client] of [...signedOut, ...signedIn]) {
    const first = await client.get(path, { maxRedirects: 0 });
    expect(first.status(), path).toBe(200);
    const nonce = expectSecurityHeaders(first, path);
    expect(await first.text(), path).toContain(`nonce="${nonce}"`);
    const again = await client.get(path, { maxRedirects: 0 });
    const second = expectSecurityHeaders(again, path);
    if (CACHED_PAGES.has(path)) {
      expect(again.headers()["x-nextjs-cache"], path).toMatch(/HIT|STALE/);
      expect(second, path).toBe(nonce);
      expect(await again.text(), path).toContain(`nonce="${nonce}"`);
    } else {
      expect(second, path).not.toBe(nonce);
    }
    expect(first.headers()["strict-transport-security"], path).toBeUndefined(); // plain HTTP here
  }
  // A malformed URL's 404, feeds, Auth.js's routes and an address under /api/ that no route
  // serves (an HTML 404) get them too, from proxy.ts.
  for (const [path, status] of [["/papers/not-an-id", 404], ["/feed.xml", 200], ["/api/auth/session", 200], ["/api/nope", 404]] as const) {
    const response = await page.request.get(path);
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response, path);
  }
});

test("the JSON routes, which skip proxy.ts, send the headers themselves, with a policy that loads nothing", async ({ page, baseURL }) => {
  await signIn(page, (await seedReader(sql, "csp_json")).email);
  const answers = [
    ["/api/health", 200, await page.request.get("/api/health")],
    ["/api/me?papers=2401.00001", 200, await page.request.get("/api/me?papers=2401.00001")],
    ["/api/daily_papers", 200, await page.request.get("/api/daily_papers")],
    ["/api/papers/not-an-id", 404, await page.request.get("/api/papers/not-an-id")],
    // A refused write: its error is a JSON route's answer too.
    ["POST /api/votes/papers", 400, await page.request.post("/api/votes/papers", { data: { paperId: "nope", upvoted: true }, headers: { origin: baseURL! } })],
  ] as const;
  for (const [what, status, response] of answers) {
    expect(response.status(), what).toBe(status);
    const headers = response.headers();
    expect(headers["content-type"], what).toContain("application/json");
    expect(headers["content-security-policy"], what).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(headers["x-content-type-options"], what).toBe("nosniff");
    expect(headers["x-frame-options"], what).toBe("DENY");
    expect(headers["referrer-policy"], what).toBe("strict-origin-when-cross-origin");
  }
  const overHttps = await page.request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
});

test("the server prepares cached pages with the deployment's nonce, as proxy.ts serves them; no client can skip proxy.ts or pick the nonce", async ({ request }) => {
  const path = `/papers/${MATH_PAPER.id}`;
  const nonce = expectSecurityHeaders(await request.get(path), path);
  // The deployment's: derived from this build's ID, so each build changes it and every server of
  // one build agrees (lib/request-preparation.ts).
  const buildId = readFileSync(".next/BUILD_ID", "utf8").trim();
  expect(nonce).toBe(await deploymentNonce({ secret: process.env.AUTH_SECRET!, buildId }));
  // A POST is never prepared (lib/cached-page-requests.ts): proxy.ts answers it, with the same
  // nonce, or its re-renders would break the page's scripts.
  expect(expectSecurityHeaders(await request.post(path, { maxRedirects: 0 }), `POST ${path}`)).toBe(nonce);
  // The home page's read was rewritten by the server before Next saw it, not by proxy.ts: Next
  // names a proxy's rewrite in x-middleware-rewrite, as it does for the POST. (That the proxy
  // then skips prepared requests, its matcher says: lib/proxy-scope.test.ts.)
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  expect(home.headers()["x-middleware-rewrite"]).toBeUndefined();
  expect(expectSecurityHeaders(home, "/")).toBe(nonce);
  const homePost = await request.post("/", { maxRedirects: 0 });
  expect(homePost.headers()["x-middleware-rewrite"]).toMatch(/^\/latest\/\d{4}-\d{2}-\d{2}$/);
  expect(expectSecurityHeaders(homePost, "POST /")).toBe(nonce);
  const chosen = await request.get(path, { headers: { "content-security-policy": "script-src 'nonce-chosen'" } });
  expect(expectSecurityHeaders(chosen, path)).toBe(nonce);
  expect(await chosen.text()).not.toContain("chosen");
  // The server's mark, sent by a client, is dropped: a page rendered per request still runs
  // proxy.ts, and gets a fresh nonce each time.
  const claim = { "x-paperboard-prepared": "1" };
  const [first, second] = [await request.get("/search?q=diffusion", { headers: claim }), await request.get("/search?q=diffusion", { headers: claim })];
  const [firstNonce, secondNonce] = [expectSecurityHeaders(first, "/search"), expectSecurityHeaders(second, "/search")];
  expect(firstNonce).not.toBe(secondNonce);
  expect(await first.text()).toContain(`nonce="${firstNonce}"`);
});

test("HSTS is sent only when the request came over HTTPS", async ({ request }) => {
  const overHttps = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(overHttps.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  expect((await request.get("/")).headers()["strict-transport-security"]).toBeUndefined();
});

test("pages work under the policy with no violation: browse, upvote, comment with math, sign out and in", async ({ page }) => {
  test.setTimeout(120_000); // many pages, each watched until the network is idle
  const problems = watch(page);
  for (const path of SIGNED_OUT_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
  }
  const admin = await seedAdmin();
  await signIn(page, admin.email);
  for (const path of SIGNED_IN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`/papers/${MATH_PAPER.id}`);
  await expect(page.locator(".katex").first()).toBeVisible();

  await page.goto("/");
  const upvote = page.locator("main ol > li").first().getByRole("button", { name: /upvote/i }).first();
  await expect(upvote).toHaveAttribute("aria-pressed", "false");
  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "true");
  await upvote.click();
  await expect(upvote).toHaveAttribute("aria-pressed", "false");

  const paperId = await seedPaper(sql, "Headers in practice");
  await page.goto(`/papers/${paperId}`);
  await page.getByLabel("Add a comment").fill("Euler: $e^{i\\pi} + 1 = 0$");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("status")).toContainText("Your comment is posted.");
  await expect(page.locator("#discussion .comment-prose .katex").first()).toBeVisible();

  const account = page.getByRole("navigation", { name: "Account" });
  await account.getByRole("button", { name: "Sign out" }).click();
  await expect(account.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, admin.email); // the password form's POST and its redirect pass form-action
  await expect(page).toHaveURL(/\/$/);

  expect(problems).toEqual([]);
});

test("scripts injected without the nonce do not run, and the browser says why", async ({ page }) => {
  const reports: string[] = [];
  page.on("console", (message) => {
    if (CSP_MESSAGE.test(message.text())) reports.push(message.text());
  });
  await page.goto(`/papers/${MATH_PAPER.id}`);
  await page.waitForLoadState("networkidle");
  type Probe = { __pwned?: number; __handler?: number; __external?: string };
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.textContent = "window.__pwned = 1";
    document.body.appendChild(script);
    // What an HTML injection would smuggle in: an inline handler and a foreign script file.
    document.body.insertAdjacentHTML("beforeend", '<img src="/nowhere.png" onerror="window.__handler = 1">');
    const external = document.createElement("script");
    external.src = "https://evil.example/x.js";
    external.onerror = () => ((window as Probe).__external = "refused");
    document.body.appendChild(external);
  });
  await expect.poll(() => page.evaluate(() => (window as Probe).__external)).toBe("refused");
  expect(await page.evaluate(() => (window as Probe).__pwned)).toBeUndefined();
  expect(await page.evaluate(() => (window as Probe).__handler)).toBeUndefined();
  await expect.poll(() => reports.join("\n")).toMatch(/Executing inline script violates/);
  expect(reports.join("\n")).toMatch(/Executing inline event handler violates/);
  expect(reports.join("\n")).toMatch(/evil\.example\/x\.js' violates/);
});
