import { NextResponse, type NextRequest } from "next/server";
import { databaseOutageResponse } from "@/db/outage-gate";
import { getEnv } from "@/lib/env";
import { explainNotFound, NOT_FOUND_PREFIX, ORIGINAL_PATH_HEADER } from "@/lib/not-found-reason";
import { cameOverHttps, contentSecurityPolicy, createNonce, securityHeaders } from "@/lib/security-headers";

// Routing and response headers only, never authorisation.
//
// Every response gets the security headers, with a fresh CSP nonce. Next finds the nonce in the
// *request's* Content-Security-Policy header and stamps it on its own inline scripts, so the
// policy travels both ways: to the renderer and to the browser.
//
// A page that calls notFound() on a dynamic route gets an empty server-rendered body in Next 16
// (the 404 text arrives only with JavaScript), while an unmatched URL renders app/not-found.tsx
// on the server. So malformed dates and IDs, which need no database to recognise, are rewritten
// to an unmatched URL here. The original path travels in a request header, because not-found
// pages receive no props and would otherwise only see the rewritten URL.
export async function proxy(request: NextRequest) {
  const outage = await databaseOutageResponse(request); if (outage) return outage; // db/outage-gate.ts: 503 while the database is down
  const env = getEnv();
  const { pathname } = request.nextUrl;
  const policy = contentSecurityPolicy({ nonce: createNonce(), dev: env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);

  let response: NextResponse;
  if (/^\/papers\/./.test(pathname)) {
    headers.set(ORIGINAL_PATH_HEADER, pathname);
    response = explainNotFound(pathname).malformed
      ? NextResponse.rewrite(new URL(`${NOT_FOUND_PREFIX}${pathname}`, request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  } else {
    response = NextResponse.next({ request: { headers } });
  }

  const https = cameOverHttps({ forwardedProto: request.headers.get("x-forwarded-proto"), authUrl: env.AUTH_URL });
  for (const [name, value] of securityHeaders({ policy, https })) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything but build assets and the icon, which are static files that run no script. API
  // routes and feeds go through too, so one code path sets every header (HSTS needs the request).
  // Prefetches are not skipped: they must see the same /papers/* rewrites as navigations.
  matcher: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)",
};
