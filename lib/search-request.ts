import { parseArxivId } from "./arxiv-id";
import { parseDay, type Day } from "./dates";

// What a /search URL asks for, decided before any query runs: nothing yet, an arXiv ID to jump to,
// a query too long to run, filters to correct, or a search.

/** Longer queries are refused unparsed: nobody types 250 characters, and tsquery work grows with length. */
export const MAX_QUERY_LENGTH = 250;

/** Results per page of /search: a page renders quickly, and the best matches come first anyway. */
export const SEARCH_PAGE_SIZE = 20;

/**
 * Deepest page offered (the first 1,000 matches): past it a reader refines the query. Ranking
 * must sort every match whatever the page, but the offset PostgreSQL skips grows with it.
 */
export const MAX_SEARCH_PAGE = 50;

/** How searches read, shown with the empty and no-result states. */
export const SEARCH_SYNTAX_HELP = 'Use quotes for phrases ("graph neural network"), -word to exclude a word, and or between alternatives.';

export type SearchFilters = { from: Day | null; to: Day | null; listedOnly: boolean };

/** The form's fields as the reader sent them, to fill the form in again. */
export type SearchFormValues = { q: string; from: string; to: string; listed: boolean; page: number };

export type SearchRequest =
  | { kind: "empty" }
  | { kind: "too-long"; length: number }
  | { kind: "arxiv-id"; id: string; version: number | null }
  | { kind: "bad-filters"; errors: { from?: string; to?: string } }
  | { kind: "search"; q: string; filters: SearchFilters; page: number };

type Params = Record<string, string | string[] | undefined>;

// NUL means nothing in a search box and PostgreSQL text cannot hold it: dropped, not a 500.
const first = (value: string | string[] | undefined) => ((Array.isArray(value) ? value[0] : value) ?? "").replaceAll("\u0000", "");

export function searchFormValues(params: Params): SearchFormValues {
  return {
    q: first(params.q).trim(),
    from: first(params.from).trim(),
    to: first(params.to).trim(),
    listed: ["1", "on", "true"].includes(first(params.listed)),
    page: pageNumber(first(params.page)),
  };
}

// A page number is navigation, not data: anything but 2…MAX_SEARCH_PAGE reads as the first page
// (the results say which page they show, so nobody is misled).
function pageNumber(value: string): number {
  const page = /^\d{1,3}$/.test(value) ? Number(value) : 1;
  return page >= 1 && page <= MAX_SEARCH_PAGE ? page : 1;
}

/** The /search URL for these values on another page (page 1 leaves the parameter out). */
export function searchPageHref(values: SearchFormValues, page: number): string {
  const params = new URLSearchParams({ q: values.q });
  if (values.from) params.set("from", values.from);
  if (values.to) params.set("to", values.to);
  if (values.listed) params.set("listed", "1");
  if (page > 1) params.set("page", String(page));
  return `/search?${params}`;
}

export function parseSearchRequest(values: SearchFormValues): SearchRequest {
  const { q } = values;
  if (q.length > MAX_QUERY_LENGTH) return { kind: "too-long", length: q.length };
  if (!q) return { kind: "empty" };

  const id = parseArxivId(q);
  if (id) return { kind: "arxiv-id", id: id.id, version: id.version };

  const errors: { from?: string; to?: string } = {};
  const from = values.from ? parseDay(values.from) : null;
  const to = values.to ? parseDay(values.to) : null;
  if (from && !from.ok) errors.from = from.reason;
  if (to && !to.ok) errors.to = to.reason;
  if (from?.ok && to?.ok && from.value > to.value) errors.to = `The end date, ${to.value}, is before the start date, ${from.value}.`;
  if (errors.from || errors.to) return { kind: "bad-filters", errors };

  const filters: SearchFilters = {
    from: from?.ok ? from.value : null,
    to: to?.ok ? to.value : null,
    // A date range is about the daily list, so it implies listed papers.
    listedOnly: values.listed || Boolean(from || to),
  };
  return { kind: "search", q, filters, page: values.page };
}
