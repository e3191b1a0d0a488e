import { NextResponse, type NextRequest } from "next/server";
import { databaseOutageResponse } from "@/db/outage-gate";
import { authSecret, getEnv } from "@/lib/env";
import { homeRoute, isCachedPagePath, isJunkUnderCachedRoute, TRENDING_PATH, TRENDING_ROUTE } from "@/lib/cached-pages";
import { explainNotFound, NOT_FOUND_EXPLAINED } from "@/lib/not-found-reason";
import { cameOverHttps, contentSecurityPolicy, createNonce, deploymentNonce, securityHeaders } from "@/lib/security-headers";

// Routing and response headers only, never authorisation.
//
// Every response gets the security headers. Next finds the CSP nonce in the *request's*
// Content-Security-Policy header and stamps it on its own inline scripts, so the policy travels
// both ways: to the renderer and to the browser. Pages rendered per request get a fresh nonce;
// the cached public pages get the deployment's, the one baked into their cached HTML.
//
// The home page is the latest day's list, and "today" changes at midnight: it is rewritten to a
// cacheable route per day, so every reader of one day shares one rendered page. /trending is
// rewritten to its cacheable route for the same reason (lib/cached-pages.ts).
//
// A well-formed but unknown date or arXiv ID reaches its cached route, which calls notFound();
// junk under a cached route (a malformed date or ID, a home-page route that is not a date, see
// isJunkUnderCachedRoute) is rewritten to a route rendered per request
// (app/(site)/not-found-explained), so junk addresses make no cache entries. Either way the 404
// runs under a nonce it was rendered with, and app/not-found.tsx says in the browser what was
// wrong. (Addresses no route serves reach app/(site)/[...unmatched], rendered per request too:
// Next's own build-time 404 carries no nonce at all.)
//
// While the database is down every page (cached ones too: a cached page past its expiry would be
// rendered again, and fail) answers a clear 503 from db/outage-gate.ts.
let sharedNonce: Promise<string> | undefined;

export async function proxy(request: NextRequest) {
  const outage = await databaseOutageResponse(request);
  if (outage) return outage;
  const env = getEnv();
  const { pathname } = request.nextUrl;
  const cached = isCachedPagePath(pathname);
  const nonce = cached ? await (sharedNonce ??= deploymentNonce({ secret: authSecret(env), buildId: request.nextUrl.buildId ?? "dev" })) : createNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);

  const rewriteTo = rewriteTarget(pathname);
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });

  const https = cameOverHttps({ forwardedProto: request.headers.get("x-forwarded-proto"), authUrl: env.AUTH_URL });
  for (const [name, value] of securityHeaders({ policy, https })) response.headers.set(name, value);
  return response;
}

/** Where a path is rendered, when not at itself: the home page's day, trending's cacheable route, or junk's 404. */
function rewriteTarget(pathname: string): string | null {
  if (pathname === "/") return homeRoute();
  if (pathname === TRENDING_PATH) return TRENDING_ROUTE;
  const malformedPaperAddress = pathname.startsWith("/papers/") && explainNotFound(pathname).malformed;
  if (malformedPaperAddress || isJunkUnderCachedRoute(pathname)) return `${NOT_FOUND_EXPLAINED}${pathname}`;
  return null;
}

export const config = {
  // Everything but build assets and the icon, which are static files that run no script, and our
  // JSON routes, which set their own headers and check the outage gate themselves, at a third of
  // the cost (lib/api/json-route.ts). They are named one by one: any other address under /api/
  // (Auth.js's, or one no route serves, answered by an HTML 404) still needs the proxy's headers.
  // Feeds go through. Prefetches are not skipped: they must see the same /papers/* rewrites as
  // navigations. lib/proxy-scope.test.ts checks which addresses skip it.
  matcher: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/(?:me|me/votes|me/comment-votes|daily_papers|votes/papers|health|ready|openapi\\.json)$|api/papers/).*)",
};
