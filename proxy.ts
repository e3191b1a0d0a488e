import { NextResponse, type NextRequest } from "next/server";
import { databaseOutageResponse } from "@/db/outage-gate";
import { authSecret, getEnv } from "@/lib/env";
import { isCachedPagePath } from "@/lib/cached-pages";
import { sharedDeploymentNonce } from "@/lib/deployment-nonce";
import { rewriteTarget } from "@/lib/page-rewrites";
import { cameOverHttps, contentSecurityPolicy, createNonce, deploymentNonce, securityHeaders } from "@/lib/security-headers";

// Routing and response headers only, never authorisation.
//
// Every response gets the security headers. Next finds the CSP nonce in the *request's*
// Content-Security-Policy header and stamps it on its own inline scripts, so the policy travels
// both ways: to the renderer and to the browser. Pages rendered per request get a fresh nonce;
// the cached public pages get the deployment's, the one baked into their cached HTML.
//
// The home page and /trending are rewritten to cacheable routes, and junk under the cached routes
// to a 404 rendered per request, so junk addresses make no cache entries (lib/page-rewrites.ts).
// Either way the 404 runs under a nonce it was rendered with, and app/not-found.tsx says in the
// browser what was wrong. (Addresses no route serves reach app/(site)/[...unmatched], rendered per
// request too: Next's own build-time 404 carries no nonce at all.)
//
// The cached pages' reads skip this proxy altogether: the server prepares them itself, before
// Next's handler, and marks them (lib/cached-page-requests.ts), because running any proxy costs
// such a page a fifth to two fifths of its throughput. This code still serves the cached pages'
// other requests: writes, every request while the database is believed down, and all of them in
// development. In production their nonce is the one the server derived at startup from the build
// ID (lib/request-preparation.ts); in development, one from a fixed name.
//
// While the database is down every page (cached ones too: a cached page past its expiry would be
// rendered again, and fail) answers a clear 503 from db/outage-gate.ts.

/** What the shared nonce is derived from when the server did not derive it at startup: development. */
const DEVELOPMENT_BUILD = "development";

export async function proxy(request: NextRequest) {
  const outage = await databaseOutageResponse(request);
  if (outage) return outage;
  const env = getEnv();
  const { pathname } = request.nextUrl;
  const cached = isCachedPagePath(pathname);
  const nonce = cached ? await sharedDeploymentNonce(() => deploymentNonce({ secret: authSecret(env), buildId: DEVELOPMENT_BUILD })) : createNonce();
  const policy = contentSecurityPolicy({ nonce, dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);

  const rewriteTo = rewriteTarget(pathname);
  const response = rewriteTo ? NextResponse.rewrite(new URL(rewriteTo, request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });

  const https = cameOverHttps({ forwardedProto: request.headers.get("x-forwarded-proto"), authUrl: env.AUTH_URL });
  for (const [name, value] of securityHeaders({ policy, https })) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets and the icon, which are static files that run no script, and our
  // JSON routes, which set their own headers and check the outage gate themselves, at a third of
  // the cost (lib/api/json-route.ts). They are named one by one: any other address under /api/
  // (Auth.js's, or one no route serves, answered by an HTML 404) still needs the proxy's headers.
  // Feeds go through. Prefetches are not skipped: they must see the same /papers/* rewrites as
  // navigations. lib/proxy-scope.test.ts checks which addresses skip it.
  // Requests the server prepared itself carry its mark (lib/cached-page-requests.ts
  // PREPARED_REQUEST_HEADER: a literal here, because Next reads this config without running it).
  matcher: [
    {
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/(?:me|me/votes|me/comment-votes|daily_papers|votes/papers|health|ready|openapi\\.json)$|api/papers/).*)",
      missing: [{ type: "header", key: "x-paperboard-prepared" }],
    },
  ],
};
