import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findNginx, startNginx, type LocalNginx } from "@/deploy/local-nginx";
import { freePortIn } from "../support/free-port";

// deploy/nginx.conf as shipped, run by the real nginx in front of two small stand-in upstreams
// that answer the way `next start` does (cached pages, private pages, Set-Cookie, JSON, assets)
// and report what they were asked. The browser tests run it in front of the real app.

const SESSION = "authjs.session-token=eyJhbGciOi.x.y";

type Upstream = { name: string; server: http.Server; port: number; hits: Map<string, number>; seen: http.IncomingHttpHeaders[] };

// A request carrying `x-drop-first: <token>` has its connection dropped by whichever stand-in gets
// it first, as a stopping server drops an idle keep-alive connection nginx has just sent a request
// on; later attempts with that token are answered. Attempts are counted per token.
const dropAttempts = new Map<string, number>();

function startUpstream(name: string): Promise<Upstream> {
  const hits = new Map<string, number>();
  const seen: http.IncomingHttpHeaders[] = [];
  const server = http.createServer(async (req, res) => {
    const token = req.headers["x-drop-first"];
    if (typeof token === "string") {
      const attempt = (dropAttempts.get(token) ?? 0) + 1;
      dropAttempts.set(token, attempt);
      if (attempt === 1) return req.socket.destroy();
    }
    const url = new URL(req.url ?? "/", "http://upstream");
    const key = url.pathname.replace(/^\/api\//, "/");
    hits.set(key, (hits.get(key) ?? 0) + 1);
    seen.push(req.headers);
    let body = "";
    for await (const chunk of req) body += chunk;
    const html = (extra = "") => `<!doctype html><html><body><p>${name} ${key} hit ${hits.get(key)}</p>${extra}${"<p>filler</p>".repeat(100)}</body></html>`;
    res.setHeader("x-served-by", name);
    switch (key) {
      case "/papers/page":
      case "/other-page":
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "s-maxage=60, stale-while-revalidate=31535940");
        if (url.searchParams.has("slow")) await new Promise((r) => setTimeout(r, 300));
        return res.end(html());
      case "/private":
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
        return res.end(html());
      case "/cookie":
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("set-cookie", "authjs.csrf-token=abc; Path=/; HttpOnly");
        return res.end(html());
      case "/json":
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "public, max-age=60");
        return res.end(JSON.stringify({ name, hit: hits.get(key) }));
      case "/votes/papers":
      case "/echo":
        res.setHeader("content-type", "application/json");
        res.setHeader("cache-control", "no-store");
        return res.end(JSON.stringify({ name, headers: req.headers, bodyBytes: body.length }));
      default:
        if (key.startsWith("/_next/static/")) {
          res.setHeader("content-type", "application/javascript");
          res.setHeader("cache-control", "public, max-age=31536000, immutable");
          return res.end(`console.log(${JSON.stringify(name)});`);
        }
        res.statusCode = 404;
        return res.end("not found");
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ name, server, port: (server.address() as { port: number }).port, hits, seen })),
  );
}

const installed = findNginx() !== null;
if (!installed) console.warn("nginx is not installed (apt-get install nginx-light): skipping deploy/nginx.conf tests");

describe.skipIf(!installed)("deploy/nginx.conf", () => {
  let a: Upstream;
  let b: Upstream;
  let nginx: LocalNginx;
  let prefixDir: string;
  const totalHits = (url: string) => {
    const key = url.replace(/^\/api\//, "/"); // the stand-ins answer /api/x as /x
    return (a.hits.get(key) ?? 0) + (b.hits.get(key) ?? 0);
  };
  const get = (url: string, headers: Record<string, string> = {}) => fetch(`${nginx.origin}${url}`, { headers });

  beforeAll(async () => {
    [a, b] = await Promise.all([startUpstream("a"), startUpstream("b")]);
    prefixDir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-nginx-"));
    nginx = await startNginx({
      port: await freePortIn(8080, 8099),
      upstreams: [`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`],
      prefixDir,
      microcacheSeconds: 2,
      staticFiles: { "probe.html": "<!doctype html><p>static</p>" },
    });
  });

  afterAll(async () => {
    await nginx?.stop();
    a?.server.close();
    b?.server.close();
    if (prefixDir) fs.rmSync(prefixDir, { recursive: true, force: true });
  });

  it("caches anonymous HTML for a few seconds; a reading page is rendered once for a burst of misses", async () => {
    const burst = await Promise.all(Array.from({ length: 10 }, () => get("/papers/page?slow=1")));
    expect(burst.map((r) => r.status)).toEqual(Array(10).fill(200));
    expect(totalHits("/papers/page")).toBe(1); // proxy_cache_lock: the rest waited for the first
    const again = await get("/papers/page?slow=1");
    expect(again.headers.get("x-cache-status")).toBe("HIT");
    // The app's own Cache-Control goes through to anonymous readers.
    expect(again.headers.get("cache-control")).toBe("s-maxage=60, stale-while-revalidate=31535940");

    await new Promise((r) => setTimeout(r, 3_100)); // past the micro-cache's 2 s (nginx counts whole seconds: 2–3 s)
    const stale = await get("/papers/page?slow=1");
    expect(stale.headers.get("x-cache-status")).toBe("STALE"); // served at once, refreshed behind it
    await expect.poll(() => totalHits("/papers/page"), { timeout: 3_000 }).toBe(2);
  });

  it("does not queue concurrent requests for pages that turn out not storable", async () => {
    for (const url of ["/private", "/api/echo"]) {
      const started = Date.now();
      const burst = await Promise.all(Array.from({ length: 20 }, () => get(url)));
      expect(burst.map((r) => r.status), url).toEqual(Array(20).fill(200));
      expect(Date.now() - started, url).toBeLessThan(1_000);
    }
  });

  it("never answers a signed-in reader from the cache, never stores their page, and marks it no-store", async () => {
    await get("/other-page"); // an anonymous copy is cached
    expect((await get("/other-page")).headers.get("x-cache-status")).toBe("HIT");
    for (const cookie of [SESSION, `theme=dark; ${SESSION}`, "__Secure-authjs.session-token=x", "authjs.session-token.0=x; authjs.session-token.1=y"]) {
      const before = totalHits("/other-page");
      const response = await get("/other-page", { cookie });
      expect(response.headers.get("x-cache-status"), cookie).toBe("BYPASS");
      expect(response.headers.get("cache-control"), cookie).toBe("private, no-store");
      expect(totalHits("/other-page")).toBe(before + 1);
    }
    // Other cookies (CSRF, callback URL) do not make a reader signed in.
    expect((await get("/other-page", { cookie: "authjs.csrf-token=abc; xauthjs.session-token=no" })).headers.get("x-cache-status")).toBe("HIT");
  });

  it("does not store pages the app marks private, pages that set a cookie, JSON, or the RSC payload", async () => {
    for (const [url, status] of [["/private", "MISS"], ["/cookie", "MISS"], ["/json", "MISS"], ["/api/json", null]]) {
      const before = totalHits(url!);
      await get(url!);
      const second = await get(url!);
      expect(second.headers.get("x-cache-status"), url!).toBe(status);
      expect(totalHits(url!) - before, url!).toBe(2);
    }
    expect((await get("/cookie")).headers.get("set-cookie")).toContain("authjs.csrf-token");
    await get("/other-page"); // cached by an earlier test or now
    expect((await get("/other-page", { rsc: "1" })).headers.get("x-cache-status")).toBe("BYPASS");
    expect((await get("/other-page", { "next-router-prefetch": "1" })).headers.get("x-cache-status")).toBe("BYPASS");
  });

  it("keeps hashed build assets for a year", async () => {
    await get("/_next/static/chunks/app-123.js");
    const second = await get("/_next/static/chunks/app-123.js");
    expect(second.headers.get("x-cache-status")).toBe("HIT");
    expect(second.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(totalHits("/_next/static/chunks/app-123.js")).toBe(1);
  });

  it("passes the client's address, scheme and host, asks the app for uncompressed bodies, and drops a client's claims to be prepared or offered a compression", async () => {
    const claims = { "x-paperboard-prepared": "1", "x-paperboard-body-encoding": "gzip" };
    const response = await get("/api/echo", { "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.6", "accept-encoding": "gzip", ...claims });
    const { headers } = (await response.json()) as { headers: Record<string, string> };
    expect(headers["x-real-ip"]).toBe("127.0.0.1"); // what TRUSTED_IP_HEADER=x-real-ip reads: never the client's claim
    expect(headers["x-forwarded-for"]).toBe("6.6.6.6, 127.0.0.1"); // the last hop is nginx's own view
    expect(headers["x-forwarded-proto"]).toBe("http");
    expect(headers.host).toBe(new URL(nginx.origin).host); // port included, as the browser's Origin has it
    expect(headers["x-forwarded-host"]).toBe(new URL(nginx.origin).host);
    expect(headers["accept-encoding"]).toBeUndefined();
    expect(headers["x-paperboard-prepared"]).toBeUndefined(); // only an app server may mark a request (lib/cached-page-requests.ts)
    expect(headers["x-paperboard-body-encoding"]).toBeUndefined(); // nor offer a compression (lib/pre-encoded-bodies.ts)
  });

  it("compresses with gzip itself", async () => {
    const raw = await new Promise<{ encoding?: string; body: Buffer }>((resolve, reject) => {
      http
        .get(`${nginx.origin}/other-page`, { headers: { "accept-encoding": "gzip" } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c) => chunks.push(c));
          res.on("end", () => resolve({ encoding: res.headers["content-encoding"], body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
    expect(raw.encoding).toBe("gzip");
    expect(gunzipSync(raw.body).toString()).toContain("<!doctype html>");
  });

  it("spreads requests over every upstream", async () => {
    const names = await Promise.all(Array.from({ length: 20 }, async () => ((await (await get("/api/echo")).json()) as { name: string }).name));
    expect(new Set(names)).toEqual(new Set(["a", "b"]));
  });

  it("refuses bodies over 1 MB before they reach the app, and passes smaller ones", async () => {
    const big = await fetch(`${nginx.origin}/api/echo`, { method: "POST", body: "x".repeat(1024 * 1024 + 1) });
    expect(big.status).toBe(413);
    const small = await fetch(`${nginx.origin}/api/echo`, { method: "POST", body: "x".repeat(10_000) });
    expect(((await small.json()) as { bodyBytes: number }).bodyBytes).toBe(10_000);
  });

  it("serves its own static files (the benchmark ceiling) without the app", async () => {
    const before = a.seen.length + b.seen.length;
    const response = await get("/nginx-static/probe.html");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("<!doctype html><p>static</p>");
    expect(a.seen.length + b.seen.length).toBe(before);
  });

  it("retries a vote on the other server when the first drops the connection, and no other POST", async () => {
    const post = (url: string, token: string) => fetch(`${nginx.origin}${url}`, { method: "POST", headers: { "x-drop-first": token }, body: "{}" });
    // A vote states the reader's vote ({ paperId, upvoted }): sending it twice changes nothing.
    const vote = await post("/api/votes/papers", "vote");
    expect(vote.status).toBe(200);
    expect(dropAttempts.get("vote")).toBe(2);
    // Any other POST might not be safe to repeat (a comment would be posted twice): not retried.
    const other = await post("/api/echo", "other");
    expect(other.status).toBe(502);
    expect(dropAttempts.get("other")).toBe(1);
  });
});
