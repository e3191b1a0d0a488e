import { isoWeekOf, todayUtc } from "@/lib/dates";
import { weekPath } from "@/lib/paths";
import type { BenchFixtures } from "./fixtures";

/** What the load asks for: nothing, gzip (the targets), or Brotli (what browsers ask for over HTTPS). */
export type Encoding = "identity" | "gzip" | "br";

/** One request's own headers and body, when requests to a target differ. */
export type OwnRequest = { headers: Record<string, string>; body?: string };

export type Target = {
  name: string;
  path: string;
  /** page: HTML whose weight is recorded; json: an API answer; static: the ceiling; write: a POST. */
  kind: "page" | "json" | "static" | "write";
  method?: "GET" | "POST";
  /** Request i's own headers and body (a different reader or voter per request), when they vary. */
  vary?: (i: number) => OwnRequest;
  /** For a write: the requests that warm it up, which must not repeat the measured ones (`vary`). */
  warmUp?: (i: number) => OwnRequest;
  /** Only these encodings are worth measuring (a vote's answer is a few bytes). */
  encodings?: Encoding[];
};

/** The static ceiling: a byte copy of the home page in public/, served by the same `next start`. */
export const STATIC_PATH = "/bench-static.html";

export const SEARCH_QUERY = "transformer";

export const HOME_ANONYMOUS = "home (anonymous)";

export const HOME_SIGNED_IN = "home (signed in) HTML";
/** The one personal request a page view makes from the browser: who is reading, and their votes on the page's papers. */
export const ME_SIGNED_IN = "home (signed in) /api/me?papers=…";

/** The papers a page lists, in order, as its links name them (what the browser asks /api/me/votes about). */
export function paperIdsOnPage(html: string): string[] {
  const ids = [...html.matchAll(/href="\/papers\/(\d{4}\.\d{4,5})"/g)].map((m) => m[1]);
  return [...new Set(ids)];
}

/** The request a page view makes in the browser (components/use-me.ts): the same papers, sorted. */
export function mePath(paperIds: string[]): string {
  return `/api/me?papers=${encodeURIComponent([...paperIds].sort().join(","))}`;
}

const rotate = <T>(list: T[], i: number): T => list[i % list.length];

/**
 * Request i goes to voter i mod V and to a paper that voter has not voted for yet: for a fixed
 * voter, successive rounds walk through different papers, so the first V×P requests are all new
 * (user, paper) pairs.
 */
export function votePair(i: number, voters: number, papers: number): { voter: number; paper: number } {
  const voter = i % voters;
  const round = Math.floor(i / voters);
  return { voter, paper: (voter + round) % papers };
}

/** Voter i's own address, 10.0.0.0/8 style. */
export function voterAddress(voter: number): string {
  return `10.${(voter >> 16) & 255}.${(voter >> 8) & 255}.${voter & 255}`;
}

export function benchTargets({
  origin,
  homeHtml,
  listedPaperIds,
  fixtures,
}: {
  origin: string;
  homeHtml: string;
  listedPaperIds: string[];
  fixtures: BenchFixtures;
}): Target[] {
  const onHome = paperIdsOnPage(homeHtml);
  const readerHeaders = (i: number) => ({ headers: { cookie: rotate(fixtures.readerCookies, i) } });
  // Request i of a vote load: voter i's upvote (in rotation) on a paper they have not upvoted yet.
  // Each voter from an address of their own, as nginx reports it (TRUSTED_IP_HEADER, set by
  // bench/run.ts): from one address the per-address limit (600 a minute) would be measured
  // instead of the endpoint. `firstAddress` keeps two groups of voters on different addresses.
  const voteRequest = (i: number, cookies: string[], firstAddress: number): OwnRequest => {
    const { voter, paper } = votePair(i, cookies.length, listedPaperIds.length);
    return {
      headers: { cookie: cookies[voter], origin, "content-type": "application/json", "x-real-ip": voterAddress(firstAddress + voter) },
      body: JSON.stringify({ paperId: listedPaperIds[paper], upvoted: true }),
    };
  };
  return [
    { name: HOME_ANONYMOUS, path: "/", kind: "page" },
    { name: HOME_SIGNED_IN, path: "/", kind: "page", vary: readerHeaders },
    { name: ME_SIGNED_IN, path: mePath(onHome), kind: "json", vary: readerHeaders },
    { name: "week page", path: weekPath(isoWeekOf(todayUtc())), kind: "page" },
    { name: "paper page (200 comments)", path: `/papers/${fixtures.discussedPaperId}`, kind: "page" },
    { name: "search page", path: `/search?q=${SEARCH_QUERY}`, kind: "page" },
    { name: "trending", path: "/trending", kind: "page" },
    { name: "/api/papers/search", path: `/api/papers/search?q=${SEARCH_QUERY}`, kind: "json" },
    { name: "/api/daily_papers", path: "/api/daily_papers", kind: "json" },
    {
      name: "upvote (POST /api/votes/papers)",
      path: "/api/votes/papers",
      kind: "write",
      method: "POST",
      encodings: ["identity"],
      vary: (i) => voteRequest(i, fixtures.voterCookies, 0),
      // Other accounts from other addresses: the measured voters start with no votes at all.
      warmUp: (i) => voteRequest(i, fixtures.warmUpVoterCookies, fixtures.voterCookies.length),
    },
    { name: "static file (ceiling)", path: STATIC_PATH, kind: "static" },
  ];
}
