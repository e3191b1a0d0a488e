import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync, gzipSync } from "node:zlib";
import { rawRequest, type RawAnswer } from "@/tests/support/raw-request";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSET_GZIP_LEVEL, BROTLI_WINDOW_BITS, PAGE_BROTLI_QUALITY, PAGE_GZIP_LEVEL } from "./body-compression";
import { BODY_ENCODING_REQUEST_HEADER, BODY_ENCODING_RESPONSE_HEADER, offeredBodyEncoding } from "./body-encoding-offer";
import { compressResponses } from "./response-compression";

// A real HTTP server in this worker with the channel subscription installed, as next start has it
// after instrumentation.ts. The handler writes a body in chunks; at /streamed it also flushes
// after each, as Next does when it streams a render (headers first, then `res.flush()` per chunk).
// The page has characters beyond Latin-1, as ours do (accented names, dashes, math).
const page = Buffer.from(Array.from({ length: 4000 }, (_, i) => `<li class="comment"><p>Comment ${i} by Erdős on attention, ${i % 7} replies</p></li>`).join(""));
const small = Buffer.from("<p>tiny</p>");

let server: http.Server;
let origin: string;
let stop: () => void;

beforeAll(async () => {
  stop = compressResponses();
  server = http.createServer((req, res) => {
    if (req.url?.includes("prepared")) return sendPrepared(req, res);
    const body = req.url === "/small" ? small : page;
    res.setHeader("content-type", req.url?.endsWith(".js") ? "application/javascript" : "text/html; charset=utf-8");
    res.setHeader("content-length", body.length);
    // A cached page, as Next sends it: the whole page as one string.
    if (req.url === "/whole") return res.end(page.toString());
    const streamed = req.url === "/streamed";
    if (streamed) {
      res.removeHeader("content-length");
      res.flushHeaders();
    }
    for (let at = 0; at < body.length; at += 16_384) {
      res.write(body.subarray(at, at + 16_384));
      if (streamed) (res as typeof res & { flush: () => void }).flush();
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

// A shared JSON answer as lib/api/http.ts apiPreparedJson sends one, and as Next then sends it:
// headers set one by one, then the body written and ended. Says which compression it was offered.
const answer = Buffer.from(JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ id: `2401.${i}`, title: `Attention, Erdős ${i}` }))));
const precompressed = { gzip: gzipSync(answer), br: brotliCompressSync(answer) };
function sendPrepared(req: http.IncomingMessage, res: http.ServerResponse) {
  const offered = offeredBodyEncoding(req.headers[BODY_ENCODING_REQUEST_HEADER] as string | undefined);
  res.setHeader("x-offered", offered ?? "none");
  res.setHeader("content-type", "application/json");
  if (req.url?.includes("no-transform")) res.setHeader("cache-control", "public, no-transform");
  const body = offered ? precompressed[offered] : answer;
  if (offered) res.setHeader(BODY_ENCODING_RESPONSE_HEADER, offered);
  res.write(body);
  res.end();
}

afterAll(async () => {
  stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function get(path: string, acceptEncoding?: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<RawAnswer> {
  return rawRequest(`${origin}${path}`, { method, headers: { ...(acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding }), ...headers } });
}

describe("compressResponses", () => {
  it("gzips pages at the page level, not zlib's default", async () => {
    const answer = await get("/papers/2306.04406", "gzip");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.headers["content-length"]).toBeUndefined();
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(answer.body).equals(page)).toBe(true);
    // Deflate's output does not depend on how the input was split, so the level shows in the bytes.
    expect(answer.body.length).toBe(gzipSync(page, { level: PAGE_GZIP_LEVEL }).length);
    expect(answer.body.length).toBeGreaterThan(gzipSync(page, { level: ASSET_GZIP_LEVEL }).length);
  });

  it("gzips build assets at zlib's default level", async () => {
    const answer = await get("/_next/static/chunks/app.js", "gzip");
    expect(answer.headers["content-encoding"]).toBe("gzip");
    expect(answer.body.length).toBe(gzipSync(page, { level: ASSET_GZIP_LEVEL }).length);
  });

  it("answers browsers that accept Brotli with Brotli, smaller than gzip, in a 256 kB window", async () => {
    for (const path of ["/", "/_next/static/chunks/app.js"]) {
      const answer = await get(path, "gzip, deflate, br, zstd");
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(brotliDecompressSync(answer.body).equals(page)).toBe(true);
      expect(answer.body.length).toBeLessThan(gzipSync(page, { level: ASSET_GZIP_LEVEL }).length);
      // A Brotli stream opens with its window: bit 0 set, then (bits - 17) in the next three
      // bits (RFC 7932, 9.1). Brotli's default window, 22 bits, would read 0b1011.
      expect(answer.body[0] & 0x0f).toBe(((BROTLI_WINDOW_BITS - 17) << 1) | 1);
    }
  });

  it("compresses a streamed response flushed chunk by chunk, as Next streams a render", async () => {
    for (const [accept, decode] of [
      ["gzip", gunzipSync],
      ["br", brotliDecompressSync],
    ] as const) {
      const answer = await get("/streamed", accept);
      expect(answer.headers["content-encoding"]).toBe(accept);
      expect(answer.headers["transfer-encoding"]).toBe("chunked");
      expect(decode(answer.body).equals(page)).toBe(true);
      expect(answer.body.length).toBeLessThan(page.length / 4);
    }
  });

  it("compresses a page sent whole at the page levels, and sends it with its length", async () => {
    const gzipped = await get("/whole", "gzip");
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers["content-length"]).toBe(String(gzipped.body.length));
    expect(gzipped.body.equals(gzipSync(page, { level: PAGE_GZIP_LEVEL }))).toBe(true);
    const brotli = await get("/whole", "gzip, deflate, br, zstd");
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotli.headers["content-length"]).toBe(String(brotli.body.length));
    const params = { [constants.BROTLI_PARAM_QUALITY]: PAGE_BROTLI_QUALITY, [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS };
    expect(brotli.body.equals(brotliCompressSync(page, { params }))).toBe(true);
  });

  it("sends the body as it is when the client asks for no encoding, or it is under 1 kB", async () => {
    const identity = await get("/", "identity");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    expect(identity.headers["content-length"]).toBe(String(page.length));
    expect(identity.body.equals(page)).toBe(true);

    // A page sent whole goes out as its UTF-8 bytes, with their length, whether or not the
    // client names identity.
    for (const acceptEncoding of [undefined, "identity"]) {
      const whole = await get("/whole", acceptEncoding);
      expect(whole.headers["content-encoding"]).toBeUndefined();
      expect(whole.headers["content-length"]).toBe(String(page.length));
      expect(whole.body.equals(page)).toBe(true);
    }

    const tiny = await get("/small", "gzip, br");
    expect(tiny.headers["content-encoding"]).toBeUndefined();
    expect(tiny.body.equals(small)).toBe(true);
  });

  it("lets a read API answer compressed once go out as it is, named by Content-Encoding", async () => {
    for (const [acceptEncoding, encoding, decompress] of [["gzip", "gzip", gunzipSync], ["gzip, deflate, br, zstd", "br", brotliDecompressSync]] as const) {
      const { headers, body } = await get("/api/prepared", acceptEncoding);
      expect(headers["x-offered"]).toBe(encoding);
      expect(headers["content-encoding"]).toBe(encoding);
      expect(headers[BODY_ENCODING_RESPONSE_HEADER]).toBeUndefined();
      expect(headers["vary"]).toMatch(/accept-encoding/i);
      expect(body).toEqual(precompressed[encoding]); // compressed once, not again on its way out
      expect(decompress(body)).toEqual(answer);
    }
    // Vary even where compression adds none (it leaves no-transform answers alone).
    const untransformed = await get("/api/prepared-no-transform", "gzip");
    expect(untransformed.headers["content-encoding"]).toBe("gzip");
    expect(untransformed.headers["vary"]).toMatch(/accept-encoding/i);
  });

  it("offers no compression the client did not ask for, nor to writes or pages, whatever the client claims", async () => {
    const claim = { [BODY_ENCODING_REQUEST_HEADER]: "gzip" }; // a client's: the server deletes it
    const cases = [
      { path: "/api/prepared", acceptEncoding: undefined, offered: "none", encoding: undefined },
      { path: "/api/prepared", acceptEncoding: "identity", offered: "none", encoding: undefined },
      // deflate is left to `compression`, which compresses the plain answer itself.
      { path: "/api/prepared", acceptEncoding: "deflate", offered: "none", encoding: "deflate" },
      { path: "/prepared", acceptEncoding: "gzip", offered: "none", encoding: "gzip" },
      { path: "/api/prepared", acceptEncoding: "gzip", method: "POST", offered: "none", encoding: "gzip" },
    ];
    for (const { path, acceptEncoding, method, offered, encoding } of cases) {
      const { headers } = await get(path, acceptEncoding, { method, headers: claim });
      expect(headers["x-offered"], `${method ?? "GET"} ${path} ${acceptEncoding}`).toBe(offered);
      expect(headers["content-encoding"]).toBe(encoding);
    }
  });
});
