import { homeRoute, isJunkUnderCachedRoute, TRENDING_PATH, TRENDING_ROUTE } from "./cached-pages";
import { explainNotFound, NOT_FOUND_EXPLAINED } from "./not-found-reason";

// Where a page address is rendered, when not at itself. Shared by proxy.ts and the server's own
// preparation of cached-page requests (lib/cached-page-requests.ts), which must agree on it.
//
// The home page is the latest day's list, and "today" changes at midnight: it is rewritten to a
// cacheable route per day, so every reader of one day shares one rendered page. /trending is
// rewritten to its cacheable route for the same reason (lib/cached-pages.ts).
//
// A well-formed but unknown date or arXiv ID reaches its cached route, which calls notFound();
// junk under a cached route (a malformed date or ID, a home-page route that is not a date, see
// isJunkUnderCachedRoute) is rewritten to a route rendered per request
// (app/(site)/not-found-explained), so junk addresses make no cache entries.

/** Where a path is rendered, when not at itself: the home page's day, trending's cacheable route, or junk's 404. */
export function rewriteTarget(pathname: string, now: Date = new Date()): string | null {
  if (pathname === "/") return homeRoute(now);
  if (pathname === TRENDING_PATH) return TRENDING_ROUTE;
  const malformedPaperAddress = pathname.startsWith("/papers/") && explainNotFound(pathname).malformed;
  if (malformedPaperAddress || isJunkUnderCachedRoute(pathname, now)) return `${NOT_FOUND_EXPLAINED}${pathname}`;
  return null;
}

/** Whether a rewrite sends the address to the 404 rendered per request (junk), not to a cached route. */
export function isRenderedPerRequest(target: string | null): boolean {
  return target?.startsWith(NOT_FOUND_EXPLAINED) ?? false;
}
