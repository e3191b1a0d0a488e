import Negotiator from "negotiator";
import type http from "node:http";
import type { EncodedBodies } from "./encoded-bodies";

// A page Next sends whole, from its cache: one `res.end(html)` with the page's string, which
// lib/encoded-bodies.ts encodes once per render rather than once per request: compressed for
// clients that accept Brotli or gzip, and as UTF-8 bytes for those that ask for no encoding (nginx
// among them). Node would otherwise encode the string to UTF-8 on every write, the slowest way it
// sends a body: a bare Node server sending a 278 kB page with a few non-Latin-1 characters
// answered 373–381 requests a second that way, 950–968 from the bytes (README, "What the
// fourteenth pass changed"). Everything else (streamed renders, JSON, assets, HEAD, other
// statuses) is left to the `compression` middleware beneath, which then finds the body already
// encoded, or not to be encoded, and lets it pass.

/** Bodies below this are cheap to encode or compress per request, and not worth keeping; Next's cached pages are 100–300 kB. */
export const WHOLE_BODY_MIN_CHARS = 16 * 1024;

type NegotiatedEncoding = "br" | "gzip" | "identity";

// @types/negotiator lags behind 0.6.4, whose second argument breaks ties by the server's preference.
type ServerPreferring = { encoding(available: string[], preferred: string[]): string | undefined };

/** The encoding `compression` would choose (its list and preference), or null when it is not one we keep (deflate, or none acceptable). */
export function negotiatedEncoding(request: Pick<http.IncomingMessage, "headers">): NegotiatedEncoding | null {
  const chosen = (new Negotiator(request) as unknown as ServerPreferring).encoding(["br", "gzip", "deflate", "identity"], ["br", "gzip"]);
  return chosen === "br" || chosen === "gzip" || chosen === "identity" ? chosen : null;
}

/** Each encoding's cache: the UTF-8 bytes are made at once, compression takes a moment. */
export type WholeBodies = { identity: EncodedBodies<Buffer>; br: EncodedBodies<Promise<Buffer>>; gzip: EncodedBodies<Promise<Buffer>> };

// compression's own test for Cache-Control: no-transform (RFC 9111: such a response must reach
// the client as it was sent).
const NO_TRANSFORM = /(?:^|,)\s*?no-transform\s*?(?:,|$)/i;

/** Whether `end(body, encoding)` ends a whole shared page, which may go out from the cache of encoded bodies. */
function isWholePage(response: http.ServerResponse, body: unknown, encoding: unknown): body is string {
  if (typeof body !== "string" || body.length < WHOLE_BODY_MIN_CHARS) return false;
  // The cache keeps the string's UTF-8 bytes, so a body to be sent in another encoding is not ours.
  if (encoding !== undefined && typeof encoding !== "function" && encoding !== "utf8" && encoding !== "utf-8") return false;
  if (response.headersSent || response.statusCode !== 200 || response.getHeader("content-encoding")) return false;
  const type = String(response.getHeader("content-type") ?? "");
  return type.startsWith("text/html") && !NO_TRANSFORM.test(String(response.getHeader("cache-control") ?? ""));
}

/**
 * Wraps this response's `end` (above `compression`'s own wrapper, so it is called first): a whole
 * page ended at once goes out from `bodies`, in the encoding the client asked for.
 */
export function encodeWholeBodies(request: http.IncomingMessage, response: http.ServerResponse, bodies: WholeBodies): void {
  if (request.method !== "GET") return;
  const end = response.end;
  const endWith = end as (...args: unknown[]) => http.ServerResponse;
  const endWhole = function (this: http.ServerResponse, ...args: unknown[]) {
    if (response.end === endWhole) response.end = end;
    const [body, encodingOrDone] = args;
    const encoding = isWholePage(response, body, encodingOrDone) ? negotiatedEncoding(request) : null;
    if (encoding === null) return endWith.apply(this, args);
    const done = args.find((arg): arg is () => void => typeof arg === "function");
    // `Vary: Accept-Encoding` is compression's to add, beneath: it does for every page that passes
    // isWholePage, whatever the encoding.
    const send = (encoded: Buffer) => {
      if (encoding !== "identity") response.setHeader("Content-Encoding", encoding);
      response.setHeader("Content-Length", encoded.length);
      return endWith.call(response, encoded, done);
    };
    if (encoding === "identity") return send(bodies.identity.get(body as string));
    // The response has ended as far as its caller knows: a later end is ignored, as Node ignores
    // an end after the end, until the compressed body is sent.
    const ending = function (this: http.ServerResponse) {
      return this;
    } as typeof response.end;
    response.end = ending;
    const finish = (sendEncoded: () => void) => {
      if (response.end === ending) response.end = end;
      // The client left meanwhile: nothing is left to send.
      if (response.destroyed || response.writableEnded) return;
      // Something sent the headers meanwhile: too late for ours, so the body goes as `compression` sends it.
      if (response.headersSent) return void endWith.apply(response, args);
      sendEncoded();
    };
    bodies[encoding].get(body as string).then(
      (compressed) => finish(() => send(compressed)),
      // Compression failed: the body goes out as `compression` would have sent it.
      () => finish(() => endWith.apply(response, args)),
    );
    return this;
  } as typeof response.end;
  response.end = endWhole;
}
