import compression from "compression";
import type http from "node:http";
import { ASSET_BROTLI_QUALITY, ASSET_GZIP_LEVEL, brotliParams, compressLikePages, PAGE_BROTLI_QUALITY, PAGE_GZIP_LEVEL } from "./body-compression";
import { EncodedBodies } from "./encoded-bodies";
import { offerPreEncodedBodies } from "./pre-encoded-bodies";
import { onRequestStart } from "./request-start";
import { encodeWholeBodies, type WholeBodies } from "./whole-body-encoding";

// Compression for `next start`, which compressed everything with gzip at zlib's level 6 (and no
// Brotli) and has no setting for the level, only `compress: false`. On the 263 kB paper page that
// level cost most of one of the two cores under load. So `next.config.js` turns Next's off and
// this module compresses instead, wrapping each response before Next's handler runs (Node's
// `http.server.request.start` channel, published before the server's 'request' event; see
// lib/shutdown.ts). The levels were measured under load: README, "What the twelfth pass changed".
//
// - Pages, RSC payloads and JSON change every few seconds and are compressed on every request, so
//   CPU decides: gzip at level 4 (half of level 6's time, 8 % more bytes), and for browsers, which
//   ask for Brotli over HTTPS, Brotli at quality 3: smaller than gzip at level 6, and cheaper.
// - Except a cached page, which Next sends whole, the same string to every reader until its next
//   render: that is compressed once per render, at the same levels, and kept, as are its UTF-8
//   bytes for clients that ask for no encoding (lib/whole-body-encoding.ts; README, "What the
//   thirteenth pass changed" and "What the fourteenth pass changed", for what they saved). So
//   are the read API's shared JSON answers, once per answer (lib/pre-encoded-bodies.ts).
// - Hashed build assets under /_next/static/ are fetched once per deployment, so bytes decide:
//   gzip at zlib's default level, Brotli at quality 4.
// - Brotli's window is 256 kB (the largest build asset is ~235 kB), not its default 4 MB: the
//   window is allocated for every response whatever the body's size, and at 4 MB that allocation
//   made Brotli slower than gzip at level 6 (201 against 256 req/s on the paper page).
// Behind nginx the servers are asked for no encoding (deploy/nginx.conf), so they send none.

const ASSET_PREFIX = "/_next/static/";

type Middleware = (req: http.IncomingMessage, res: http.ServerResponse, next: () => void) => void;

const middleware = (gzipLevel: number, brotliQuality: number): Middleware =>
  compression({ level: gzipLevel, brotli: { params: brotliParams(brotliQuality) } }) as unknown as Middleware;

/**
 * How many recent cached pages are kept encoded, per encoding (lib/encoded-bodies.ts): at most
 * 32, and at most 4 million characters of pages, about fifteen 270 kB paper pages (compressed,
 * under 1 MB; as UTF-8 bytes, about 4 MB for our mostly-ASCII pages, 12 MB at the very most),
 * plus the page strings themselves, kept alive as the keys (up to about 8 MB, two bytes a
 * character, shared by the three caches).
 */
const ENCODED_PAGES_KEPT = { entries: 32, chars: 4_000_000 };

/** The page levels and the UTF-8 bytes, once per cached page's render rather than once per request (lib/whole-body-encoding.ts). */
function encodedPageBodies(): WholeBodies {
  return {
    identity: new EncodedBodies((body) => Buffer.from(body, "utf8"), ENCODED_PAGES_KEPT),
    gzip: new EncodedBodies((body) => compressLikePages("gzip", body), ENCODED_PAGES_KEPT),
    br: new EncodedBodies((body) => compressLikePages("br", body), ENCODED_PAGES_KEPT),
  };
}

/**
 * Compresses every response of this process's HTTP servers. `compression` wraps the response's
 * write/end/flush, negotiates with Accept-Encoding, sets Vary, leaves alone bodies under 1 kB,
 * HEAD requests and bodies already encoded, and destroys its zlib stream when a client goes away
 * mid-response (the leak Next patched in its own older copy). Cached pages sent whole are
 * encoded once per render instead (lib/whole-body-encoding.ts). Requests that arrive while
 * the server is still starting, before this runs, go out uncompressed: valid for every client.
 * Returns what stops it (for tests).
 */
export function compressResponses(): () => void {
  const pages = middleware(PAGE_GZIP_LEVEL, PAGE_BROTLI_QUALITY);
  const assets = middleware(ASSET_GZIP_LEVEL, ASSET_BROTLI_QUALITY);
  const wholePages = encodedPageBodies();
  const next = () => {};
  return onRequestStart(({ request, response }) => {
    if (request.url?.startsWith(ASSET_PREFIX)) assets(request, response, next);
    else {
      pages(request, response, next);
      encodeWholeBodies(request, response, wholePages);
    }
    offerPreEncodedBodies(request, response); // after compression's wrappers (see there)
  });
}
