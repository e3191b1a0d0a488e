import { isCachedPagePath } from "./cached-pages";
import { isRenderedPerRequest, rewriteTarget } from "./page-rewrites";
import { onRequestStart } from "./request-start";
import { cameOverHttps, contentSecurityPolicy, securityHeaders } from "./security-headers";

// The cached public pages' requests, prepared by the server itself instead of by proxy.ts.
//
// Next runs proxy.ts through its middleware machinery, and that machinery, not what our proxy
// does, cost a cached page 20–40 % of its throughput without compression (README, the eleventh
// pass: a proxy that returned NextResponse.next() at once cost as much as ours). For a cached
// page the proxy's work needs no I/O: the deployment's nonce in the request's CSP header (where
// Next finds it for its inline scripts), the security headers, and the home page's and trending's
// rewrites. So the server does that work before Next's handler runs (Node's
// `http.server.request.start` channel, as lib/response-compression.ts does) and marks the request,
// and proxy.ts's matcher skips marked requests. Everything else still goes through proxy.ts:
// pages rendered per request (a fresh nonce each), junk under the cached routes (rewritten to a
// 404 rendered per request), writes (Server Actions among them), every request while the
// database is believed down (the proxy answers 503), and every request in development.
//
// A client cannot claim the mark: every server deletes it from every request first, in every mode
// (instrumentation.ts), and nginx drops it (deploy/nginx.conf). Only a client talking to a server
// directly, in the instant between its first listen and instrumentation.ts, could get one past:
// Next holds such a request until it has started, then serves it without the proxy. The most that
// does is a response of that client's own without the security headers, or one cached page
// re-rendered with a nonce of the client's choosing (or none), whose scripts then fail until its
// next re-render, 5 s on; it reveals nothing, the cached pages' nonce being public anyway
// (lib/security-headers.ts).
//
// Two differences from the proxy's rewrite, both harmless here: the query string is kept (the
// cached pages read none), and Next does not send `x-nextjs-rewritten-path` with an RSC request
// to `/` or `/trending`, which only a client-side navigation would need; links here are plain
// <a> (README, Page cache).

/** Set by the server on the requests it prepared; proxy.ts's matcher skips them. */
export const PREPARED_REQUEST_HEADER = "x-paperboard-prepared";

export type PageRequest = {
  method: string | undefined;
  /** As the request line gave it: a path and query. */
  url: string | undefined;
  databaseDown: boolean;
};

/** The address a cached page's request is rendered at, or null when proxy.ts must handle it. */
export function preparedAddress({ method, url, databaseDown }: PageRequest, now: Date = new Date()): string | null {
  if ((method !== "GET" && method !== "HEAD") || databaseDown || !url?.startsWith("/")) return null;
  const queryAt = url.indexOf("?");
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt);
  // Only an address that means what it says: Next's router would turn dot segments, doubled
  // slashes or backslashes into some other address, perhaps a page rendered per request, which
  // must get the proxy's fresh nonce.
  if (new URL(pathname, "http://paperboard.invalid").pathname !== pathname || !isCachedPagePath(pathname)) return null;
  const target = rewriteTarget(pathname, now);
  if (isRenderedPerRequest(target)) return null;
  return target === null ? url : `${target}${url.slice(pathname.length)}`;
}

/** What the server needs to prepare cached pages' requests. */
export type CachedPagePreparation = { nonce: string; authUrl?: string; databaseDown: () => boolean };

/**
 * Deletes a client's mark from every request this process receives, and, given `cachedPages`,
 * prepares the cached pages' requests before Next sees them: the rewritten address, the
 * deployment's CSP in the request (for Next) and the security headers on the response (for the
 * browser), and the mark that makes proxy.ts's matcher skip them. Returns what stops it (for tests).
 */
export function prepareRequests({ cachedPages }: { cachedPages: CachedPagePreparation | null }): () => void {
  if (!cachedPages) return onRequestStart(({ request }) => void delete request.headers[PREPARED_REQUEST_HEADER]);
  const { nonce, authUrl, databaseDown } = cachedPages;
  const policy = contentSecurityPolicy({ nonce });
  const responseHeaders = { http: securityHeaders({ policy, https: false }), https: securityHeaders({ policy, https: true }) };
  return onRequestStart(({ request, response }) => {
    const { headers } = request;
    delete headers[PREPARED_REQUEST_HEADER];
    const address = preparedAddress({ method: request.method, url: request.url, databaseDown: databaseDown() });
    if (address === null) return;
    request.url = address;
    headers["content-security-policy"] = policy;
    headers[PREPARED_REQUEST_HEADER] = "1";
    const forwardedProto = headers["x-forwarded-proto"];
    const https = cameOverHttps({ forwardedProto: typeof forwardedProto === "string" ? forwardedProto : null, authUrl });
    for (const [name, value] of responseHeaders[https ? "https" : "http"]) response.setHeader(name, value);
  });
}
