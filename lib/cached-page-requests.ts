import diagnostics from "node:diagnostics_channel";
import type http from "node:http";
import { isCachedPagePath } from "./cached-pages";
import { isRenderedPerRequest, rewriteTarget } from "./page-rewrites";
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
// 404 rendered per request), writes (Server Actions among them), and every request while the
// database is believed down (the proxy answers 503).
//
// A client cannot claim the mark: it is deleted from every request before anything else. Only a
// request that arrives in the moment between the server's first listen and this module's
// installation (instrumentation.ts) escapes that; Next holds such a request until it has started,
// then serves it without the proxy. The worst it can do is have a cached page re-rendered with a
// nonce of its choosing, which breaks that page's scripts until its next re-render (5 s), and
// teaches nothing: the cached pages' nonce is public anyway (lib/security-headers.ts).

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

const REQUEST_START = "http.server.request.start";
type RequestStart = { request: http.IncomingMessage; response: http.ServerResponse };

/**
 * Prepares this process's cached-page requests before Next sees them: rewritten address, the
 * deployment's CSP in the request (for Next) and the security headers on the response (for the
 * browser), and the mark that makes proxy.ts's matcher skip them. Returns what stops it (for tests).
 */
export function prepareCachedPageRequests({ nonce, authUrl, databaseDown }: { nonce: string; authUrl?: string; databaseDown: () => boolean }): () => void {
  const policy = contentSecurityPolicy({ nonce });
  const responseHeaders = { http: securityHeaders({ policy, https: false }), https: securityHeaders({ policy, https: true }) };
  const prepare = (message: unknown) => {
    const { request, response } = message as RequestStart;
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
  };
  diagnostics.subscribe(REQUEST_START, prepare);
  return () => diagnostics.unsubscribe(REQUEST_START, prepare);
}
