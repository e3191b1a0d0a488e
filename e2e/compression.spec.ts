import { expect, test } from "@playwright/test";
import { gunzipSync, gzipSync } from "node:zlib";
import { PAGE_GZIP_LEVEL } from "@/lib/body-compression";
import { rawRequest } from "@/tests/support/raw-request";

// The real server compresses through lib/response-compression.ts (next.config.js turns Next's own
// gzip off; instrumentation.ts installs ours): if that hook were missing, every page would go out
// uncompressed and nothing else would notice. Levels and sizes are checked in its unit test.
// A cached page, which Next sends whole, is compressed once per render and sent with its length
// (lib/whole-body-encoding.ts); a streamed one goes out in chunks, without it.

test("pages and build assets are compressed as the client asks", async ({ request }) => {
  const home = await request.get("/", { headers: { "accept-encoding": "gzip" } });
  expect(home.status()).toBe(200);
  expect(home.headers()["content-encoding"]).toBe("gzip");
  expect(home.headers()["vary"]).toMatch(/accept-encoding/i);
  expect(await home.text()).toContain("<html");

  const browser = await request.get("/", { headers: { "accept-encoding": "gzip, deflate, br, zstd" } });
  expect(browser.headers()["content-encoding"]).toBe("br");
  expect(await browser.text()).toContain("<html");

  const script = (await home.text()).match(/\/_next\/static\/[^"]+\.js/)?.[0];
  expect(script, "the home page loads a build asset").toBeTruthy();
  const asset = await request.get(script!, { headers: { "accept-encoding": "gzip" } });
  expect(asset.headers()["content-encoding"]).toBe("gzip");

  // From the page cache: compressed whole, so sent with its length (`compression` streams without one).
  const cached = await request.get("/", { headers: { "accept-encoding": "gzip" } });
  expect(cached.headers()["x-nextjs-cache"]).toMatch(/HIT|STALE/);
  expect(cached.headers()["content-encoding"]).toBe("gzip");
  expect(Number(cached.headers()["content-length"])).toBeGreaterThan(1024);
  expect(Number(cached.headers()["content-length"])).toBeLessThan((await cached.body()).length / 3); // the compressed length

  const identity = await request.get("/", { headers: { "accept-encoding": "identity" } });
  expect(identity.headers()["content-encoding"]).toBeUndefined();
  expect((await identity.body()).length).toBeGreaterThan(1024);
});

// The read API's shared answers are compressed once per answer by the route handler and sent as
// they are (lib/pre-encoded-bodies.ts): compressed again on the way out, they would not parse. And
// compressed in one piece: `compression` compresses on the fly and Next flushes it after each
// chunk, which leaves a flush marker in its bytes, so the raw body tells the two apart.
test("the read API's shared answers go out compressed once, as the client asks", async ({ request, baseURL }) => {
  for (const encoding of ["gzip", "br"]) {
    const response = await request.get("/api/daily_papers", { headers: { "accept-encoding": encoding } });
    expect(response.status()).toBe(200);
    expect(response.headers()["content-encoding"]).toBe(encoding);
    expect(response.headers()["vary"]).toMatch(/accept-encoding/i);
    expect(response.headers()["x-paperboard-content-encoding"]).toBeUndefined();
    const list = (await response.json()) as { paper: { id: string } }[];
    expect(list.length).toBeGreaterThan(0);
  }
  const { body: raw } = await rawRequest(new URL("/api/daily_papers", baseURL).href, { headers: { "accept-encoding": "gzip" } });
  expect(raw).toEqual(gzipSync(gunzipSync(raw), { level: PAGE_GZIP_LEVEL }));

  const plain = await request.get("/api/daily_papers", { headers: { "accept-encoding": "identity" } });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(((await plain.json()) as unknown[]).length).toBeGreaterThan(0);
});
