import { parseArxivId } from "./arxiv-id";
import { parseDay, parseIsoWeek, parseMonth } from "./dates";
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
      const check = rest.length >= 1 ? periodParser(rest[0]) : { ok: false as const, reason: `Nothing lives at ${pathname}.` };
      if (!check.ok) return { title: `That ${kind === "date" ? "day" : kind} doesn't exist`, detail: check.reason, malformed: true };
      // A week or month lists its papers a page at a time; a day is one page.
      const page = kind === "date" ? (rest.length === 1 ? { ok: true as const } : { ok: false as const, reason: `Nothing lives at ${pathname}.` }) : parsePeriodPage(rest.slice(1));
      if (!page.ok) return { title: "That page doesn't exist", detail: page.reason, malformed: true };
      if (rest.length > 1) return { title: "That page doesn't exist", detail: `This list has fewer pages: its first is at /papers/${kind}/${rest[0]}.`, malformed: false };
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
