import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { findNginx, startNginx, type LocalNginx } from "@/deploy/local-nginx";
import { freePortIn } from "@/tests/support/free-port";
import { extraPort, sessionCookie, signedInClient, startAppServer, type AppServer } from "./support/app-server";
import { testSql } from "./support/db";
import { seedReader, signIn } from "./support/readers";

// Two `next start` processes over one PostgreSQL, behind deploy/nginx.conf, as a deployment runs
// them: the same build, the same AUTH_SECRET, and AUTH_URL/SITE_URL naming nginx's origin (the
// one the browser sees), never a server's own.

test.skip(!findNginx(), "nginx is not installed (Debian: apt-get install nginx-light); .ci/run installs it");
// Several servers over one database is a PostgreSQL deployment (README, Deploying). The embedded
// database is one process's, served to the tests over a single-connection socket that runs one
// statement at a time, so three servers storming it measure PGlite, not this design.
test.skip(process.env.E2E_DATABASE_KIND === "embedded", "several app servers need a PostgreSQL server, not the embedded database");
// Three servers and nginx on two shared cores: pages take a while.
test.describe.configure({ mode: "serial", timeout: 90_000 });

const sql = testSql();
let a: AppServer;
let b: AppServer;
let nginx: LocalNginx;
let prefixDir: string;
const clients: APIRequestContext[] = [];

test.beforeAll(async () => {
  const nginxPort = await freePortIn(8080, 8099);
  const site = `http://localhost:${nginxPort}`;
  const env = { AUTH_URL: site, SITE_URL: site, TRUSTED_IP_HEADER: "x-real-ip" };
  [a, b] = await Promise.all([startAppServer({ port: extraPort(10), env }), startAppServer({ port: extraPort(11), env })]);
  prefixDir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-nginx-e2e-"));
  nginx = await startNginx({ port: nginxPort, upstreams: [a, b].map((s) => new URL(s.origin).host.replace("localhost", "127.0.0.1")), prefixDir });
});

test.afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  if (prefixDir) fs.rmSync(prefixDir, { recursive: true, force: true });
  await sql.end();
});

async function client(origin: string, email: string) {
  const c = await signedInClient(origin, email);
  clients.push(c);
  return c;
}

const signOutButton = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" });

test("a session made through one server is good on the other, and through nginx", async ({ browser }) => {
  const reader = await seedReader(sql, "twoserv");
  const context = await browser.newContext({ baseURL: a.origin });
  const page = await context.newPage();
  await signIn(page, reader.email); // on server A; wherever Auth.js sends the browser afterwards, it is signed in there
  for (const origin of [a.origin, b.origin, nginx.origin]) {
    await page.goto(`${origin}/`);
    await expect(signOutButton(page), origin).toBeVisible();
    const me = await page.request.get(`${origin}/api/me/votes?papers=2306.06626`);
    expect(((await me.json()) as { signedIn: boolean }).signedIn, origin).toBe(true);
  }
  await context.close();
});

test("rate limits are shared: a fresh account's 30 votes a minute, split over both servers", async () => {
  const reader = await seedReader(sql, "ratetwo", { ageDays: 0 });
  const onA = await client(a.origin, reader.email);
  const onB = await client(b.origin, reader.email);
  const responses = await Promise.all(
    Array.from({ length: 31 }, (_, i) => (i % 2 === 0 ? onA : onB).post("/api/votes/papers", { data: { paperId: "2502.15037", upvoted: i % 4 < 2 } })),
  );
  const statuses = responses.map((r) => r.status());
  expect(statuses.filter((s) => s === 200)).toHaveLength(30);
  expect(statuses.filter((s) => s === 429)).toHaveLength(1);
});

test("an upvote through server A shows through server B and through nginx, in the API and on the cached page", async () => {
  const reader = await seedReader(sql, "crossvote");
  const onA = await client(a.origin, reader.email);
  const paperId = "2401.12509";
  const upvotes = async (origin: string) => ((await (await fetch(`${origin}/api/papers/${paperId}`)).json()) as { upvotes: number }).upvotes;
  const before = await upvotes(b.origin);
  const vote = await onA.post("/api/votes/papers", { data: { paperId, upvoted: true } });
  expect(((await vote.json()) as { upvoteCount: number }).upvoteCount).toBe(before + 1);
  await expect.poll(() => upvotes(b.origin), { timeout: 15_000 }).toBe(before + 1);
  await expect.poll(() => upvotes(nginx.origin), { timeout: 15_000 }).toBe(before + 1);
  // And the cached paper page a signed-out reader gets, from B's page cache and nginx's micro-cache
  // (README: about 14 s in all; a little slack for a loaded machine).
  const pageCount = async (origin: string) => Number(/aria-label="Upvote \((\d+) upvotes?\)"/.exec(await (await fetch(`${origin}/papers/${paperId}`)).text())?.[1]);
  await expect.poll(() => pageCount(b.origin), { timeout: 17_000 }).toBe(before + 1);
  await expect.poll(() => pageCount(nginx.origin), { timeout: 17_000 }).toBe(before + 1);
});

test("nginx never hands one reader's page to another", async () => {
  const alice = await seedReader(sql, "leakalice");
  const bob = await seedReader(sql, "leakbob");
  const aliceCookie = await sessionCookie(await client(nginx.origin, alice.email));
  const bobCookie = await sessionCookie(await client(nginx.origin, bob.email));
  const get = (url: string, cookie?: string) => fetch(`${nginx.origin}${url}`, { headers: cookie ? { cookie } : {} });

  for (const url of ["/", "/papers/2306.06626", "/trending"]) {
    const asAlice = await get(url, aliceCookie);
    expect(asAlice.headers.get("x-cache-status"), url).toBe("BYPASS");
    expect(asAlice.headers.get("cache-control"), url).toBe("private, no-store");
    await asAlice.text();

    for (const [who, cookie] of [["anonymous", undefined], ["anonymous again", undefined], ["bob", bobCookie]] as const) {
      const response = await get(url, cookie);
      const html = await response.text();
      expect(html, `${url} as ${who}`).not.toContain(alice.username);
      expect(response.headers.get("set-cookie") ?? "", `${url} as ${who}`).not.toContain("session-token");
      const status = response.headers.get("x-cache-status");
      if (cookie) expect(status, `${url} as ${who}`).toBe("BYPASS");
      else expect(["MISS", "HIT", "EXPIRED", "STALE", "UPDATING"], `${url} as ${who}`).toContain(status);
      if (status === "HIT") {
        // Only what the app allowed to be shared is ever shared.
        expect(response.headers.get("cache-control") ?? "", url).not.toMatch(/private|no-store|no-cache/);
      }
    }
  }
  // Bob's own page is his.
  const bobsHome = await (await get("/", bobCookie)).text();
  expect(bobsHome).not.toContain(alice.username);
});

test("a server bound to 127.0.0.1 behind a TLS proxy renders its rewritten pages itself", async () => {
  // These servers listen on -H 127.0.0.1, as behind nginx on one host. There Next takes proxy.ts's
  // rewrites for external ones unless next.config.js sets skipProxyUrlNormalize: it fetched the
  // page from itself over HTTP, and over https when nginx said the client came over TLS — a 500.
  // Reads are rewritten by the server before Next sees them (lib/cached-page-requests.ts); the
  // proxy still rewrites the other requests, a POST among them.
  for (const url of ["/", "/trending"]) {
    for (const method of ["GET", "POST"]) {
      const response = await fetch(`${a.origin}${url}`, { method, headers: { "x-forwarded-proto": "https" } });
      await response.text();
      expect(response.status, `${method} ${url}`).toBe(200);
      const proxyRewrite = response.headers.get("x-middleware-rewrite");
      if (method === "GET") expect(proxyRewrite, `${method} ${url}`).toBeNull();
      else expect(proxyRewrite, `${method} ${url}`).toMatch(/^\/(latest|trending)\//);
    }
  }
});

test("both servers give the cached pages one nonce, so whichever re-renders a page, its scripts run", async () => {
  const nonceOf = async (origin: string, path: string) => {
    const response = await fetch(`${origin}${path}`);
    await response.text();
    return response.headers.get("content-security-policy")?.match(/'nonce-([^']+)'/)?.[1];
  };
  for (const path of ["/", "/papers/2306.06626"]) {
    const fromA = await nonceOf(a.origin, path);
    expect(fromA, path).toBeTruthy();
    expect(await nonceOf(b.origin, path), path).toBe(fromA);
  }
});

/** At most four a second, whatever the server's speed. */
async function paced<T>(request: Promise<T>): Promise<T> {
  const [response] = await Promise.all([request, new Promise((resolve) => setTimeout(resolve, 250))]);
  return response;
}

test("restarting one server under traffic through nginx fails no request", async () => {
  const reader = await seedReader(sql, "rolling");
  // An established account (a fresh one may vote 30 times a minute), voting at a reader's pace:
  // this test is about restarts, not rate limits.
  await sql`update users set created_at = now() - interval '30 days' where id = ${reader.id}`;
  const viaNginx = await client(nginx.origin, reader.email);
  const failures: string[] = [];
  let requests = 0;
  let running = true;
  const traffic = Array.from({ length: 4 }, async (_, worker) => {
    for (let n = 0; running; n++) {
      requests += 1;
      const response =
        worker === 0
          ? await paced(viaNginx.post("/api/votes/papers", { data: { paperId: "2306.06626", upvoted: n % 2 === 0 } }))
          : await viaNginx.get(worker === 1 ? "/api/papers/2306.06626" : "/api/daily_papers?limit=5");
      if (!response.ok()) failures.push(`${response.url()} ${response.status()}`);
    }
  });
  await new Promise((r) => setTimeout(r, 1_000));
  const stopping = a;
  await stopping.stop(); // SIGTERM: drains and exits 0, even with nginx reusing its connections
  expect(await stopping.exited, stopping.output().slice(-2_000)).toEqual({ code: 0, signal: null });
  await new Promise((r) => setTimeout(r, 1_000)); // only B is left
  a = await startAppServer({ port: extraPort(10), env: { AUTH_URL: nginx.origin, SITE_URL: nginx.origin, TRUSTED_IP_HEADER: "x-real-ip" } });
  await new Promise((r) => setTimeout(r, 1_000));
  running = false;
  await Promise.all(traffic);
  expect(requests).toBeGreaterThan(20);
  expect(failures).toEqual([]);
});

test("the log shows both servers answered", async () => {
  const log = nginx.accessLog();
  expect(log).toContain(`upstream=127.0.0.1:${new URL(a.origin).port}`);
  expect(log).toContain(`upstream=127.0.0.1:${new URL(b.origin).port}`);
});
