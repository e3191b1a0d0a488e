import type http from "node:http";
import vary from "vary";
import { BODY_ENCODING_REQUEST_HEADER, BODY_ENCODING_RESPONSE_HEADER, bodyEncodingOffer } from "./body-encoding-offer";
import { negotiatedEncoding } from "./whole-body-encoding";

// Lets a route handler send a body it compressed itself, once, for many clients: the read API's
// shared JSON answers (lib/api/prepared-json.ts), the same bytes for every client until they are
// read again from the database. Compressing them again for every request held the search API to
// three quarters of what it serves with gzip now, and the daily list to three fifths (README,
// "What the fifteenth pass changed").
//
// Next drops a route handler's Content-Encoding (it may have come from a `fetch` that already
// decoded the body), and `compression` would then compress the body again. So the server offers
// the compression it negotiated in a request header (lib/body-encoding-offer.ts), and a handler
// that took it says so in a response header of ours, which becomes Content-Encoding just before
// the headers go out; `compression` beneath then finds the body already encoded and lets it pass.
// A client's own header is deleted from every request, and nginx drops it too (deploy/nginx.conf).

const API_PREFIX = "/api/";

/**
 * Offers an API GET a compression, and makes the handler's note that its body is compressed into
 * Content-Encoding, with `Vary: Accept-Encoding`. Call after `compression` has wrapped the
 * response, so that this wrapper of writeHead runs before compression's.
 */
export function offerPreEncodedBodies(request: http.IncomingMessage, response: http.ServerResponse): void {
  delete request.headers[BODY_ENCODING_REQUEST_HEADER];
  if (request.method !== "GET" || !request.url?.startsWith(API_PREFIX)) return;
  const encoding = negotiatedEncoding(request);
  if (encoding !== "br" && encoding !== "gzip") return;
  request.headers[BODY_ENCODING_REQUEST_HEADER] = bodyEncodingOffer(encoding);
  const writeHead = response.writeHead as (...args: unknown[]) => http.ServerResponse;
  // Reads the headers set so far; Next sets them all before it writes (never as writeHead's argument).
  const nameEncoding = function (this: http.ServerResponse, ...args: unknown[]) {
    if (response.writeHead === nameEncoding) response.writeHead = writeHead;
    const claimed = response.getHeader(BODY_ENCODING_RESPONSE_HEADER);
    if (claimed !== undefined) {
      response.removeHeader(BODY_ENCODING_RESPONSE_HEADER);
      // The body is in the encoding the handler names: sent under any other name, it would be garbage.
      if (claimed === "br" || claimed === "gzip") response.setHeader("Content-Encoding", claimed);
      // Not left to `compression`, which adds it only to types it compresses and without no-transform.
      vary(response, "Accept-Encoding");
    }
    return writeHead.apply(this, args);
  } as typeof response.writeHead;
  response.writeHead = nameEncoding;
}
