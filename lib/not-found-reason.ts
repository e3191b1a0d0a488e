import { parseArxivId } from "./arxiv-id";
import { addDays, parseDay, parseIsoWeek, parseMonth, todayUtc, type Day, type DayRange, type Parsed } from "./dates";
import { parsePeriodPage } from "./period-pages";
import { decodeOrKeep } from "./uri";

/** proxy.ts rewrites junk under the cached routes to this route (app/(site)/not-found-explained). */
export const NOT_FOUND_EXPLAINED = "/not-found-explained";

/**
 * Next's own route for addresses nothing matches, prerendered at build time: its HTML names this
 * path, not the reader's, until the page runs in the browser.
 */
const INTERNAL_NOT_FOUND = "/_not-found";

export type NotFoundReason = {
  title: string;
  detail: string;
  malformed: boolean;
  /** A well-formed arXiv ID we do not have: the page offers to submit it. */
  unknownPaperId?: string;
};

/** What a 404 says when the address itself tells us nothing more. */
export const NOTHING_HERE: NotFoundReason = { title: "Page not found", detail: "There is nothing at this address.", malformed: false };

// Next's not-found page receives no props, so it re-derives from the URL what was wrong.
export function explainNotFound(pathname: string): NotFoundReason {
  // Before the page runs in the browser, the server saw the rewritten or internal address.
  if (pathname === INTERNAL_NOT_FOUND || pathname.startsWith(NOT_FOUND_EXPLAINED)) return NOTHING_HERE;
  const segments = pathname.split("/").filter(Boolean).map(decodeOrKeep);
  const [root, kind, ...rest] = segments;
  if (root === "papers" && kind) {
    const periodParser = { date: parseDay, week: parseIsoWeek, month: parseMonth }[kind];
    if (periodParser) {
      const reason = explainPeriodAddress(kind, rest, pathname, periodParser);
      if (reason) return reason;
    } else {
      const id = segments.slice(1).join("/");
      const parsed = parseArxivId(id);
      return parsed
        ? { title: "Paper not found", detail: `We have no paper with arXiv ID ${parsed.id} yet.`, malformed: false, unknownPaperId: parsed.id }
        : {
            title: "Not an arXiv ID",
            detail: `“${id}” is not an arXiv identifier. They look like 2401.12345, 2401.12345v2 or hep-th/9901001.`,
            malformed: true,
          };
    }
  }
  return { title: "Page not found", detail: `There is nothing at ${pathname}.`, malformed: false };
}

/** What is wrong with /papers/{date,week,month}/<period>[/page/N], or null when the address is sound. */
function explainPeriodAddress(kind: string, rest: string[], pathname: string, parse: (input: string) => Parsed<Day | DayRange>): NotFoundReason | null {
  const [period, ...after] = rest;
  const check = period === undefined ? { ok: false as const, reason: `Nothing lives at ${pathname}.` } : parse(period);
  if (!check.ok) return { title: `That ${kind === "date" ? "day" : kind} doesn't exist`, detail: check.reason, malformed: true };
  if (after.length === 0) return null;
  // A week or month lists its papers a page at a time (lib/period-pages.ts); a day is one page.
  const page = kind === "date" ? { ok: false as const, reason: `A day's papers are on one page, at /papers/date/${period}.` } : parsePeriodPage(after);
  if (!page.ok) return { title: "That page doesn't exist", detail: page.reason, malformed: true };
  // A period that has not begun has no papers, so no second page: junk, which makes no cache entry.
  const start = typeof check.value === "string" ? check.value : check.value.start;
  if (start > addDays(todayUtc(), 1)) return { title: "That page doesn't exist", detail: `${period} has not begun, so it has no papers yet.`, malformed: true };
  return { title: "That page doesn't exist", detail: `This list has fewer pages: its first is at /papers/${kind}/${period}.`, malformed: false };
}
