import { describe, expect, it } from "vitest";
import { MAX_QUERY_LENGTH, MAX_SEARCH_PAGE, parseSearchRequest, searchFormValues, searchPageHref } from "./search-request";

const parse = (params: Record<string, string | string[] | undefined>) => parseSearchRequest(searchFormValues(params));

describe("parseSearchRequest", () => {
  it("is empty without words", () => {
    expect(parse({})).toEqual({ kind: "empty" });
    expect(parse({ q: "   " })).toEqual({ kind: "empty" });
  });

  it("searches the words with no filters by default", () => {
    expect(parse({ q: ' "graph neural" -survey ' })).toEqual({
      kind: "search",
      q: '"graph neural" -survey',
      filters: { from: null, to: null, listedOnly: false },
      page: 1,
    });
  });

  it("reads the page number, and anything but 1…MAX_SEARCH_PAGE as the first page", () => {
    expect(parse({ q: "graphs", page: "3" })).toMatchObject({ kind: "search", page: 3 });
    expect(parse({ q: "graphs", page: String(MAX_SEARCH_PAGE) })).toMatchObject({ page: MAX_SEARCH_PAGE });
    for (const page of ["0", "-2", "2.5", "abc", "", String(MAX_SEARCH_PAGE + 1), "99999999999"]) {
      expect(parse({ q: "graphs", page })).toMatchObject({ page: 1 });
    }
  });

  it("links to another page with the same query and filters, leaving page 1 out", () => {
    const values = searchFormValues({ q: "graph nets", from: "2025-01-01", listed: "1", page: "4" });
    expect(searchPageHref(values, 5)).toBe("/search?q=graph+nets&from=2025-01-01&listed=1&page=5");
    expect(searchPageHref(values, 1)).toBe("/search?q=graph+nets&from=2025-01-01&listed=1");
  });

  it("takes the first of repeated parameters", () => {
    expect(parse({ q: ["one", "two"] })).toMatchObject({ kind: "search", q: "one" });
  });

  it("refuses queries over the limit without looking at them further", () => {
    expect(parse({ q: "a".repeat(MAX_QUERY_LENGTH) })).toMatchObject({ kind: "search" });
    expect(parse({ q: "2401.12345 ".repeat(30) })).toEqual({ kind: "too-long", length: 329 });
  });

  it("recognises arXiv IDs and URLs", () => {
    expect(parse({ q: "2401.12345" })).toEqual({ kind: "arxiv-id", id: "2401.12345", version: null });
    expect(parse({ q: "https://arxiv.org/abs/2401.12345v3" })).toEqual({ kind: "arxiv-id", id: "2401.12345", version: 3 });
    expect(parse({ q: "arXiv:hep-th/9901001" })).toEqual({ kind: "arxiv-id", id: "hep-th/9901001", version: null });
  });

  it("validates the date range and says what is wrong", () => {
    expect(parse({ q: "x", from: "2025-02-30" })).toEqual({
      kind: "bad-filters",
      errors: { from: expect.stringContaining("February 2025 has 28 days") },
    });
    expect(parse({ q: "x", from: "2025-03-05", to: "2025-03-01" })).toEqual({
      kind: "bad-filters",
      errors: { to: "The end date, 2025-03-01, is before the start date, 2025-03-05." },
    });
  });

  it("treats a date range as a filter on listed papers", () => {
    expect(parse({ q: "x", from: "2025-03-01" })).toMatchObject({ filters: { from: "2025-03-01", to: null, listedOnly: true } });
    expect(parse({ q: "x", listed: "1" })).toMatchObject({ filters: { from: null, to: null, listedOnly: true } });
  });
});
