import Negotiator from "negotiator";
import type http from "node:http";
import vary from "vary";
import type { CompressedBodies } from "./compressed-bodies";

// Compression of a page Next sends whole, from its cache: one `res.end(html)` with the page's
// string, which lib/compressed-bodies.ts compresses once per render rather than once per request.
// Everything else (streamed renders, JSON, assets, HEAD, other statuses) is left to the
// `compression` middleware beneath, which then finds the body already encoded and lets it pass.

/** Bodies below this are cheap to compress and not worth keeping: Next's cached pages are tens of kB. */
export const WHOLE_BODY_MIN_CHARS = 16 * 1024;

export type WholeBodyEncoding = "br" | "gzip";

// @types/negotiator lags behind 0.6.4, whose second argument breaks ties by the server's preference.
type ServerPreferring = { encoding(available: string[], preferred: string[]): string | undefined };

/** The encoding to send, as `compression` negotiates it (Brotli first when equally welcome), or null for none of ours. */
export function wholeBodyEncoding(request: http.IncomingMessage): WholeBodyEncoding | null {
  const chosen = (new Negotiator(request) as unknown as ServerPreferring).encoding(["br", "gzip", "identity"], ["br", "gzip"]);
  return chosen === "br" || chosen === "gzip" ? chosen : null;
}

/** Whether the response about to end with a body of this size may be sent from the cache of compressed bodies. */
function isWholeSharedPage(response: http.ServerResponse, body: unknown): body is string {
  if (typeof body !== "string" || body.length < WHOLE_BODY_MIN_CHARS) return false;
  if (response.headersSent || response.statusCode !== 200 || response.getHeader("content-encoding")) return false;
  const type = String(response.getHeader("content-type") ?? "");
  // RFC 9111: a response marked no-transform must reach the client as it was sent.
  return type.startsWith("text/html") && !/no-transform/i.test(String(response.getHeader("cache-control") ?? ""));
}

/**
 * Wraps this response's `end` (above `compression`'s own wrapper, so it is called first): a whole
 * page ended at once, to a client that accepts Brotli or gzip, goes out from `bodies`.
 */
export function compressWholeBodies(request: http.IncomingMessage, response: http.ServerResponse, bodies: Record<WholeBodyEncoding, CompressedBodies>): void {
  if (request.method !== "GET") return;
  const end = response.end;
  const endWith = end as (...args: unknown[]) => http.ServerResponse;
  response.end = function endWhole(this: http.ServerResponse, ...args: unknown[]) {
    response.end = end;
    const [body] = args;
    const encoding = isWholeSharedPage(response, body) ? wholeBodyEncoding(request) : null;
    if (encoding === null) return endWith.apply(this, args);
    const done = args.find((arg): arg is () => void => typeof arg === "function");
    bodies[encoding].get(body as string).then(
      (compressed) => {
        if (response.destroyed) return;
        vary(response, "Accept-Encoding");
        response.setHeader("Content-Encoding", encoding);
        response.setHeader("Content-Length", compressed.length);
        endWith.call(response, compressed, done);
      },
      // Compression failed: the body goes out as `compression` would have sent it.
      () => endWith.apply(response, args),
    );
    return this;
  } as typeof response.end;
}
