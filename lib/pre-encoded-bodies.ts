import type http from "node:http";
import { wholeBodyEncoding } from "./whole-body-encoding";

// Lets a route handler send a body it compressed itself, once, for many clients: the read API's
// shared JSON answers (lib/api/prepared-json.ts), the same bytes for every client until they are
// read again from the database. Compressing 40 kB of search results again for every request was
// most of what such a request cost beyond Next's own work (README, "What the fifteenth pass
// changed").
//
// Next drops a route handler's Content-Encoding (it may have come from a `fetch` that already
// decoded the body), and `compression` would then compress the body again. So the server says
// which compression it negotiated, in a request header the handler reads, and the handler names
// the compression of the body it sends in a response header of ours, which becomes
// Content-Encoding just before the headers go out; `compression` beneath then finds the body
// already encoded and lets it pass (it still adds `Vary: Accept-Encoding`).
//
// A client cannot choose for the server: every request's header is deleted first, and nginx drops
// it too (deploy/nginx.conf). In the instant before the server has installed this, a client that
// sent it could only spoil its own answer.

/** Set by the server on a read API request: the compression (`br` or `gzip`) its answer may come in. */
export const BODY_ENCODING_REQUEST_HEADER = "x-paperboard-body-encoding";
/** Set by a route handler that sent its body compressed as the request's header offered; the server turns it into Content-Encoding. */
export const BODY_ENCODING_RESPONSE_HEADER = "x-paperboard-content-encoding";

const READ_API = "/api/";

/** Offers a read API request a compression, and makes the handler's claim that it used it into Content-Encoding. Call after `compression` wraps the response. */
export function offerPreEncodedBodies(request: http.IncomingMessage, response: http.ServerResponse): void {
  delete request.headers[BODY_ENCODING_REQUEST_HEADER];
  if (request.method !== "GET" || !request.url?.startsWith(READ_API)) return;
  const encoding = wholeBodyEncoding(request);
  if (encoding !== "br" && encoding !== "gzip") return;
  request.headers[BODY_ENCODING_REQUEST_HEADER] = encoding;
  // Before `compression` looks at the headers: its wrapper of writeHead is beneath this one.
  const writeHead = response.writeHead as (...args: unknown[]) => http.ServerResponse;
  const nameEncoding = function (this: http.ServerResponse, ...args: unknown[]) {
    if (response.writeHead === nameEncoding) response.writeHead = writeHead;
    const claimed = response.getHeader(BODY_ENCODING_RESPONSE_HEADER);
    if (claimed !== undefined) {
      response.removeHeader(BODY_ENCODING_RESPONSE_HEADER);
      // A handler only claims the compression it was offered (lib/api/prepared-json.ts).
      if (claimed === encoding) response.setHeader("Content-Encoding", encoding);
    }
    return writeHead.apply(this, args);
  } as typeof response.writeHead;
  response.writeHead = nameEncoding;
}
