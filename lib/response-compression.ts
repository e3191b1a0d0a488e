import compression from "compression";
import diagnostics from "node:diagnostics_channel";
import type http from "node:http";
import { constants } from "node:zlib";

// Compression for `next start`, which compresses with `compression`'s defaults: gzip at zlib's
// level 6, and no Brotli. The paper page with 200 comments is 263 kB, and gzip at level 6 took
// 3.7 ms of it per request, so under load the server spent most of a core in zlib. Next has no
// setting for the level (`compress` only turns it off), so `next.config.js` turns it off and this
// module compresses instead, from the same place: the start of every request, before Next's
// handler writes anything (Node's `http.server.request.start` channel, as lib/shutdown.ts uses).
//
// That page, one request at a time in a loop in Node (time, size), and under load (`autocannon
// -c 20` on `next start`, one run each):
//   gzip level 6   3.7 ms  41.9 kB   256 req/s   (what next start did)
//   gzip level 4   2.0 ms  45.2 kB   375 req/s
//   gzip level 1   1.2 ms  51.1 kB   414 req/s
//   Brotli q4, 4 MB window (compression's default)   31.4 kB   201 req/s
//   Brotli q4, 256 kB window                         31.4 kB   300 req/s
//   Brotli q3, 256 kB window                         34.9 kB   387 req/s
// Browsers ask for Brotli over HTTPS: they get quality 3 with a 256 kB window, a sixth smaller
// than before and cheaper (a large window costs its allocation on every response, whatever the
// page's size). Other clients (curl, feed readers, the bench) get gzip at level 4.
// Build assets under /_next/static/ are immutable and fetched once per deployment, so for them
// bytes matter more than CPU: zlib's default level and compression's default Brotli, as before.
// Behind nginx none of this runs: nginx asks for uncompressed bodies and compresses itself.

/** gzip level for pages, RSC payloads and JSON. */
export const PAGE_GZIP_LEVEL = 4;
/** gzip level for hashed build assets (zlib's default). */
export const ASSET_GZIP_LEVEL = 6;

const PAGE_BROTLI = { [constants.BROTLI_PARAM_QUALITY]: 3, [constants.BROTLI_PARAM_LGWIN]: 18 };
const ASSET_BROTLI = { [constants.BROTLI_PARAM_QUALITY]: 4 };
const ASSET_PREFIX = "/_next/static/";

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const middleware = (level: number, brotli: Record<number, number>): Middleware =>
  compression({ level, brotli: { params: brotli } }) as unknown as Middleware;

/** Wraps one response in the compression its request gets: build assets one way, the rest another. */
export function compressionFor(): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const pages = middleware(PAGE_GZIP_LEVEL, PAGE_BROTLI);
  const assets = middleware(ASSET_GZIP_LEVEL, ASSET_BROTLI);
  const next = () => {};
  return (req, res) => (req.url?.startsWith(ASSET_PREFIX) ? assets : pages)(req, res, next);
}

type RequestStart = { request: http.IncomingMessage; response: http.ServerResponse };

/**
 * Compresses every response of this process's HTTP servers. `compression` wraps the response's
 * write/end before the handler runs, negotiates with Accept-Encoding, sets Vary, leaves alone
 * bodies under 1 kB, HEAD requests and bodies already encoded, and (since 1.8.1) releases its zlib
 * stream when a client goes away mid-response, the leak Next patched in its own older copy.
 */
export function compressResponses(): void {
  const compress = compressionFor();
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as RequestStart;
    compress(request, response);
  });
}
