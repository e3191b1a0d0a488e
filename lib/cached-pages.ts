import { addDays, parseDay, todayUtc } from "./dates";
import { decodeOrKeep } from "./uri";

// The public pages Next renders once and serves from its cache to everyone (ISR): the daily list
// on the home page, the day, week and month lists, trending, and the paper pages. Their HTML must not
// depend on who asks, so the reader's identity and own votes come from small JSON requests the
// browser makes (/api/me, /api/me/votes), and their CSP nonce is the deployment's, not the
// request's (lib/security-headers.ts).
//
// How fresh they are: each page is re-rendered behind the scenes at most every
// PAGE_REVALIDATE_SECONDS while people read it, and a page nobody has opened for
// PAGE_EXPIRE_SECONDS is rendered afresh for its next reader (next.config.js expireTime).
// Curation, submissions and comments invalidate the pages they change at once on the server that
// took them; counts from other readers' votes lag by up to PAGE_REVALIDATE_SECONDS.
// (Route segment config must be a literal, so the pages repeat the number: keep them in step.)
export const PAGE_REVALIDATE_SECONDS = 5;
export const PAGE_EXPIRE_SECONDS = 10;

/** Where the home page is rendered: a cacheable route per day, because "today" moves. */
export const HOME_ROUTE_PREFIX = "/latest";

export function homeRoute(now: Date = new Date()): string {
  return `${HOME_ROUTE_PREFIX}/${todayUtc(now)}`;
}

export const TRENDING_PATH = "/trending";
/** Where /trending is rendered: a cacheable route, so it is not rendered at build time. */
export const TRENDING_VIEW = "now";
export const TRENDING_ROUTE = `${TRENDING_PATH}/${TRENDING_VIEW}`;

// "/", the per-day home route, trending (and its route), the period lists, and everything else
// under /papers/ (paper pages, and 404s for unknown or malformed dates and IDs, whose per-request
// page shares the nonce harmlessly).
const CACHED_PAGE = new RegExp(`^(?:/$|${HOME_ROUTE_PREFIX}/[^/]+$|${TRENDING_PATH}(?:/${TRENDING_VIEW})?$|/papers/.+)`);

/** Whether this path is served from the page cache, and so must carry the deployment's nonce. */
export function isCachedPagePath(pathname: string): boolean {
  return CACHED_PAGE.test(pathname);
}

// What else lives under the cached routes' own folders: trending's feeds (app/trending/feed.*).
const TRENDING_CHILDREN = new Set([TRENDING_VIEW, "feed.xml", "feed.atom"]);
const LATEST_CHILD = new RegExp(`^${HOME_ROUTE_PREFIX}/([^/]+)$`);
const TRENDING_CHILD = new RegExp(`^${TRENDING_PATH}/([^/]+)$`);

/**
 * An address the home page's and trending's cached routes would answer with a 404: not a date, or
 * not trending's view or a feed. proxy.ts sends these to a 404 rendered per request, as it does
 * malformed /papers/ addresses (lib/not-found-reason.ts), so junk anyone types makes no entry in
 * the page cache.
 */
export function isJunkUnderCachedRoute(pathname: string, now: Date = new Date()): boolean {
  const day = LATEST_CHILD.exec(pathname)?.[1];
  // Only today's home route is ever asked for ("/" is rewritten to it); a day either side covers
  // a request crossing midnight. Any other day would be one more cache entry per address typed.
  if (day !== undefined) return !isAroundToday(decodeOrKeep(day), now);
  const child = TRENDING_CHILD.exec(pathname)?.[1];
  return child !== undefined && !TRENDING_CHILDREN.has(child);
}

function isAroundToday(day: string, now: Date): boolean {
  if (!parseDay(day).ok) return false;
  const today = todayUtc(now);
  return day >= addDays(today, -1) && day <= addDays(today, 1);
}
