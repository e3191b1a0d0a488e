import compression from "compression";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompressSync, gunzipSync, gzip } from "node:zlib";
import { rawRequest, type RawAnswer } from "@/tests/support/raw-request";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EncodedBodies } from "./encoded-bodies";
import { encodeWholeBodies, WHOLE_BODY_MIN_CHARS, negotiatedEncoding, type WholeBodies } from "./whole-body-encoding";

// A real HTTP server with `compression` beneath and the whole-body layer above, as
// lib/response-compression.ts installs them; its handler answers the way Next does: a cached page
// as one `res.end(html)`, a render streamed in writes. The page bodies' encoders are counted. The
// page has characters beyond Latin-1, as real pages do (a two-byte string in V8).
const page = (version: number) => `<!doctype html><html><body>${Array.from({ length: 800 }, (_, i) => `<p>Comment ${i} — Erdős, render ${version}</p>`).join("")}</body></html>`;
let version = 1;
let compressions = 0;
let utf8Encodings = 0;
let callbacks = 0;
let bodies: WholeBodies;
let failing = false;
const LIMITS = { entries: 8, chars: 1_000_000 };
const counted = (compress: (body: string) => Promise<Buffer>) => (body: string) => (compressions++, compress(body));

let server: http.Server;
let origin: string;

beforeAll(async () => {
  const pages = compression({ level: 4 }) as unknown as (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;
  server = http.createServer((req, res) => {
    pages(req, res, () => {});
    encodeWholeBodies(req, res, bodies);
    const html = req.url === "/small" ? "<p>tiny</p>" : page(version);
    res.statusCode = req.url === "/missing" ? 404 : 200;
    res.setHeader("content-type", req.url === "/json" ? "application/json" : "text/html; charset=utf-8");
    const noTransform = { "/no-transform": "no-transform", "/No-Transform": "private, No-Transform" }[req.url ?? ""];
    res.setHeader("cache-control", noTransform ?? "s-maxage=5, stale-while-revalidate=5");
    if (req.url === "/latin1") return res.end(html, "latin1");
    if (req.url === "/headers-sent-meanwhile") {
      res.end(html);
      return res.flushHeaders();
    }
    if (req.url === "/ended-twice") {
      res.end(html);
      return res.end("<p>a second end, which must not be sent</p>");
    }
    if (req.url === "/with-callback") {
      res.setHeader("content-length", Buffer.byteLength(html));
      return res.end(html, () => callbacks++);
    }
    if (req.url === "/streamed") {
      res.write(html.slice(0, 1000));
      return res.end(html.slice(1000));
    }
    res.setHeader("content-length", Buffer.byteLength(html));
    res.end(req.method === "HEAD" ? null : html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

// A fresh cache for each test, as a server process has one, with its compressions counted.
beforeEach(() => {
  version = 1;
  compressions = 0;
  utf8Encodings = 0;
  callbacks = 0;
  failing = false;
  bodies = {
    identity: new EncodedBodies((body) => (utf8Encodings++, Buffer.from(body, "utf8")), LIMITS),
    gzip: new EncodedBodies(counted((body) => (failing ? Promise.reject(new Error("zlib failed")) : promisify(gzip)(body, { level: 4 }))), LIMITS),
    br: new EncodedBodies(counted((body) => promisify(brotliCompress)(body)), LIMITS),
  };
});

function ask(path: string, acceptEncoding?: string, method = "GET"): Promise<RawAnswer> {
  return rawRequest(`${origin}${path}`, { method, headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });
}

describe("encodeWholeBodies", () => {
  it("sends a whole page compressed, with its length, and the same bytes to every reader of one render, compressed once", async () => {
    const answers = [await ask("/page", "gzip"), ...(await Promise.all([ask("/page", "gzip"), ask("/page", "gzip")]))];
    for (const answer of answers) {
      expect(answer.headers["content-encoding"]).toBe("gzip");
      expect(answer.headers["content-length"]).toBe(String(answer.body.length));
      expect(answer.headers.vary).toMatch(/accept-encoding/i);
      expect(gunzipSync(answer.body).toString()).toBe(page(1));
      expect(answer.body.equals(answers[0].body)).toBe(true);
    }
    expect(compressions).toBe(1);
  });

  it("compresses a render's page once, and a new render's afresh", async () => {
    const before = await ask("/page", "gzip");
    version = 2;
    const after = await ask("/page", "gzip");
    expect(gunzipSync(before.body).toString()).toBe(page(1));
    expect(gunzipSync(after.body).toString()).toBe(page(2));
    expect((await ask("/page", "gzip")).body.equals(after.body)).toBe(true);
    expect(compressions).toBe(2);
  });

  it("prefers Brotli when the client accepts it, as browsers do", async () => {
    const answer = await ask("/page", "gzip, deflate, br, zstd");
    expect(answer.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(answer.body).toString()).toBe(page(1));
  });

  it("leaves to `compression` what is not a whole page: streamed renders, small bodies, other types and statuses", async () => {
    const streamed = await ask("/streamed", "gzip");
    expect(streamed.headers["content-encoding"]).toBe("gzip");
    expect(streamed.headers["content-length"]).toBeUndefined();
    expect(gunzipSync(streamed.body).toString()).toBe(page(1));
    const json = await ask("/json", "gzip");
    expect(json.headers["content-encoding"]).toBe("gzip");
    expect(json.headers["content-length"]).toBeUndefined(); // compression's own: it streams
    const missing = await ask("/missing", "gzip");
    expect(missing.status).toBe(404);
    expect(missing.headers["content-length"]).toBeUndefined();
    expect((await ask("/small", "gzip")).headers["content-encoding"]).toBeUndefined();
    expect(compressions).toBe(0);
    expect(WHOLE_BODY_MIN_CHARS).toBeLessThan(page(1).length);
  });

  it("sends a whole page to clients that ask for no encoding as its UTF-8 bytes, made once per render, with its length", async () => {
    for (const acceptEncoding of [undefined, "identity", ""]) {
      const plain = await ask("/page", acceptEncoding);
      expect(plain.headers["content-encoding"]).toBeUndefined();
      expect(plain.headers["content-length"]).toBe(String(Buffer.byteLength(page(1))));
      expect(plain.headers["transfer-encoding"]).toBeUndefined();
      expect(plain.headers.vary).toMatch(/accept-encoding/i); // compression's own, beneath
      expect(plain.body.toString("utf8")).toBe(page(1));
    }
    version = 2;
    expect((await ask("/page")).body.toString("utf8")).toBe(page(2));
    expect(utf8Encodings).toBe(2);
    expect(compressions).toBe(0);
  });

  it("calls the caller's callback once the page is sent, from the bytes or compressed", async () => {
    expect((await ask("/with-callback")).body.toString("utf8")).toBe(page(1));
    expect(gunzipSync((await ask("/with-callback", "gzip")).body).toString()).toBe(page(1));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the callback runs once the response has finished
    expect(callbacks).toBe(2);
    expect(utf8Encodings).toBe(1);
    expect(compressions).toBe(1);
  });

  it("sends the page as it is, encoded per request, for HEAD, under no-transform, and when streamed", async () => {
    const head = await ask("/page", undefined, "HEAD");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(page(1))));
    for (const path of ["/no-transform", "/No-Transform"]) {
      const untouched = await ask(path, "gzip");
      expect(untouched.headers["content-encoding"]).toBeUndefined();
      expect(untouched.body.toString()).toBe(page(1));
    }
    expect((await ask("/streamed")).body.toString()).toBe(page(1));
    expect(utf8Encodings).toBe(0);
    expect(compressions).toBe(0);
  });

  it("sends the body as compression would when its own compression fails, and neither a second end nor headers sent meanwhile lose it", async () => {
    failing = true;
    const fallback = await ask("/page", "gzip");
    expect(fallback.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(fallback.body).toString()).toBe(page(1));
    failing = false;
    const twice = await ask("/ended-twice", "gzip");
    expect(gunzipSync(twice.body).toString()).toBe(page(1));
    // Headers sent while the page was being compressed: `compression` took it from there, and
    // the page still arrives whole.
    const flushed = await ask("/headers-sent-meanwhile", "gzip");
    expect(flushed.headers["content-length"]).toBeUndefined();
    expect(gunzipSync(flushed.body).toString()).toBe(page(1));
  });

  it("leaves alone a body to be sent in another character encoding than UTF-8, and every method but GET", async () => {
    const latin1 = await ask("/latin1", "gzip");
    expect(latin1.headers["content-length"]).toBeUndefined(); // compression's, streamed
    expect(gunzipSync(latin1.body).equals(Buffer.from(page(1), "latin1"))).toBe(true);
    const post = await ask("/page", "gzip", "POST");
    expect(post.headers["content-length"]).toBeUndefined();
    expect(gunzipSync(post.body).toString()).toBe(page(1));
    expect((await ask("/latin1")).body.equals(Buffer.from(page(1), "latin1"))).toBe(true);
    expect(compressions).toBe(0);
    expect(utf8Encodings).toBe(0);
  });
});

describe("negotiatedEncoding", () => {
  const choose = (acceptEncoding?: string) => negotiatedEncoding({ headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding } });

  it("chooses as compression does: Brotli first when equally welcome, then gzip, else identity; deflate is compression's", () => {
    expect(choose("gzip, deflate, br, zstd")).toBe("br");
    expect(choose("gzip")).toBe("gzip");
    expect(choose("br;q=0, gzip")).toBe("gzip");
    expect(choose("gzip;q=0.5, br;q=0.8")).toBe("br");
    expect(choose("*")).toBe("br");
    expect(choose("deflate, gzip;q=0.5")).toBeNull(); // compression sends deflate
    expect(choose("identity")).toBe("identity");
    expect(choose("")).toBe("identity");
    expect(choose(undefined)).toBe("identity");
    expect(choose("zstd")).toBe("identity");
    expect(choose("gzip;q=0, br;q=0, identity;q=0")).toBeNull(); // nothing acceptable: left to compression
  });
});
