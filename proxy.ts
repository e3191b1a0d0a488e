import { NextResponse, type NextRequest } from "next/server";
import { explainNotFound, NOT_FOUND_PREFIX, ORIGINAL_PATH_HEADER } from "@/lib/not-found-reason";

// Routing only, never authorisation.
//
// A page that calls notFound() on a dynamic route gets an empty server-rendered body in Next 16
// (the 404 text arrives only with JavaScript), while an unmatched URL renders app/not-found.tsx
// on the server. So malformed dates and IDs, which need no database to recognise, are rewritten
// to an unmatched URL here. The original path travels in a request header, because not-found
// pages receive no props and would otherwise only see the rewritten URL.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set(ORIGINAL_PATH_HEADER, pathname);
  if (!explainNotFound(pathname).malformed) return NextResponse.next({ request: { headers } });
  return NextResponse.rewrite(new URL(`${NOT_FOUND_PREFIX}${pathname}`, request.url), { request: { headers } });
}

export const config = {
  matcher: "/papers/:path+",
};
