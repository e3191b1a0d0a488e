import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

// The compression levels, shared by the response middleware (lib/response-compression.ts, which
// says why these levels) and the bodies compressed once and sent to many clients: cached pages
// (lib/whole-body-encoding.ts) and the read API's shared JSON answers (lib/api/prepared-json.ts).

/** gzip level for pages, RSC payloads and JSON. */
export const PAGE_GZIP_LEVEL = 4;
/** gzip level for hashed build assets (zlib's default). */
export const ASSET_GZIP_LEVEL = 6;
/** Brotli's window, as bits: 2^18 = 256 kB. */
export const BROTLI_WINDOW_BITS = 18;
/** Brotli quality for pages, RSC payloads and JSON. */
export const PAGE_BROTLI_QUALITY = 3;
/** Brotli quality for hashed build assets. */
export const ASSET_BROTLI_QUALITY = 4;

export const brotliParams = (quality: number) => ({ [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: BROTLI_WINDOW_BITS });

export type Compression = "br" | "gzip";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/** `body` compressed as pages are, in the thread pool. */
export function compressLikePages(encoding: Compression, body: string | Uint8Array): Promise<Buffer> {
  return encoding === "gzip" ? gzipAsync(body, { level: PAGE_GZIP_LEVEL }) : brotliAsync(body, { params: brotliParams(PAGE_BROTLI_QUALITY) });
}
