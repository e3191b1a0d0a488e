// A week or month lists its papers a page at a time, as Hacker News lists its front page: a
// month holds hundreds of papers, and one page of them all weighed hundreds of kilobytes (and,
// capped at 100, silently left the rest out). Page 1 lives at the period's own address, the
// others under it: /papers/week/2026-W48/page/2.
export const PERIOD_PAGE_SIZE = 30;

/**
 * The last page an address may ask for; past it the address is junk (answered per request, no
 * cache entry). A month of every new cs paper (`npm run ingest -- --list`) is ~10,000 papers, a
 * third of this; a longer list's pager stops here and says so.
 */
export const MAX_PERIOD_PAGE = 999;

/**
 * A day is one page: its top DAY_LIST_SIZE, pins first. A day with more (a bulk ingest) says so
 * and links to its week, whose pages reach every paper.
 */
export const DAY_LIST_SIZE = 100;

const PAGE_NUMBER = /^[1-9]\d*$/;

export type PeriodPage = { ok: true; number: number } | { ok: false; reason: string };

/**
 * The page a period's address asks for, from what follows the period in it: nothing for page 1,
 * or "page" and a number. "page/1" is refused too: page 1 has one address, the period's own.
 */
export function parsePeriodPage(rest: readonly string[] | undefined): PeriodPage {
  if (!rest || rest.length === 0) return { ok: true, number: 1 };
  const [word, number, ...more] = rest;
  if (word !== "page" || number === undefined || more.length > 0) return { ok: false, reason: "A period's pages are at …/page/2, …/page/3 and so on." };
  if (!PAGE_NUMBER.test(number)) return { ok: false, reason: `“${number}” is not a page number.` };
  const value = Number(number);
  if (value === 1) return { ok: false, reason: "Page 1 is the period's own address, without /page/1." };
  if (value > MAX_PERIOD_PAGE) return { ok: false, reason: `A period has at most ${MAX_PERIOD_PAGE} pages.` };
  return { ok: true, number: value };
}

/** A period page's title: the period's own for page 1 (or an address that is not a page), then ", page N". */
export function periodPageTitle(title: string, page: PeriodPage): string {
  return page.ok && page.number > 1 ? `${title}, page ${page.number}` : title;
}

/** The address of a period's page: the period's own for page 1. */
export function periodPagePath(periodPath: string, page: number): string {
  return page === 1 ? periodPath : `${periodPath}/page/${page}`;
}

/** How many pages a period of `total` papers takes: at least one (which may say it is empty), at most MAX_PERIOD_PAGE. */
export function periodPageCount(total: number): number {
  return Math.min(MAX_PERIOD_PAGE, Math.max(1, Math.ceil(total / PERIOD_PAGE_SIZE)));
}
