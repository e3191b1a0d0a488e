import { describe, expect, it } from "vitest";
import { DAILY_LIMIT, parseDailyPapersQuery, parseSearchQuery } from "./params";

const daily = (query: string) => parseDailyPapersQuery(new URLSearchParams(query));
const search = (query: string) => parseSearchQuery(new URLSearchParams(query));

describe("daily_papers parameters", () => {
  it("defaults to the latest day, page 0, 50 papers, newest on the list first", () => {
    expect(daily("")).toEqual({ ok: true, value: { page: 0, limit: DAILY_LIMIT.default, window: null, submitter: null, sort: "publishedAt" } });
  });

  it("turns a date, an ISO week or a month into a window of days", () => {
    expect(daily("date=2025-02-14")).toMatchObject({ ok: true, value: { window: { start: "2025-02-14", end: "2025-02-14" } } });
    expect(daily("week=2025-W07")).toMatchObject({ ok: true, value: { window: { start: "2025-02-10", end: "2025-02-16" } } });
    expect(daily("week=2026-W01")).toMatchObject({ ok: true, value: { window: { start: "2025-12-29", end: "2026-01-04" } } });
    expect(daily("month=2024-02")).toMatchObject({ ok: true, value: { window: { start: "2024-02-01", end: "2024-02-29" } } });
  });

  it("reads p, limit, submitter and sort", () => {
    expect(daily("p=3&limit=100&submitter=alice&sort=trending")).toMatchObject({
      ok: true,
      value: { page: 3, limit: 100, submitter: "alice", sort: "trending" },
    });
  });

  it.each([
    ["limit=0", "limit", "limit must be between 1 and 100"],
    ["limit=101", "limit", "limit must be between 1 and 100"],
    ["limit=ten", "limit", "limit must be a whole number"],
    ["limit=", "limit", "limit must be a whole number"],
    ["limit=1.5", "limit", "limit must be a whole number"],
    ["p=-1", "p", "p must be a whole number"],
    ["p=99999999", "p", "p must be between 0 and 10000"],
    ["date=2025-02-30", "date", "date: 2025-02-30 does not exist: February 2025 has 28 days."],
    ["date=14/02/2025", "date", "date: “14/02/2025” is not a date. Days are written YYYY-MM-DD, e.g. 2025-02-14."],
    ["week=2025-W54", "week", "week: 2025-W54 does not exist: 2025 has ISO weeks 01 to 52."],
    ["week=2025-7", "week", "week: “2025-7” is not an ISO week. Weeks are written YYYY-Www, e.g. 2025-W07."],
    ["month=2025-13", "month", "month: 2025-13 has no month 13: months run 01 to 12."],
    ["submitter=", "submitter", "submitter must be a username"],
    ["sort=votes", "sort", "sort must be publishedAt or trending"],
  ])("refuses %s, naming %s", (query, parameter, message) => {
    expect(daily(query)).toEqual({ ok: false, parameter, message });
  });

  it("takes only one of date, week and month, and names the second", () => {
    expect(daily("date=2025-02-14&month=2025-02")).toEqual({
      ok: false,
      parameter: "month",
      message: "use only one of date, week and month (got date and month)",
    });
    expect(daily("week=2025-W07&month=2025-02")).toMatchObject({ ok: false, parameter: "month" });
  });

  it("ignores parameters it does not know and uses the first of repeated ones", () => {
    expect(daily("limit=5&limit=500&foo=bar")).toMatchObject({ ok: true, value: { limit: 5 } });
  });
});

describe("search parameters", () => {
  it("needs q, trims it and defaults the limit", () => {
    expect(search("q=%20diffusion%20models%20")).toEqual({ ok: true, value: { q: "diffusion models", limit: 20 } });
    expect(search("q=x&limit=120")).toEqual({ ok: true, value: { q: "x", limit: 120 } });
  });

  it.each([
    ["", "q", "q is required"],
    ["q=", "q", "q must not be empty"],
    ["q=%20%20", "q", "q must not be empty"],
    [`q=${"a".repeat(251)}`, "q", "q must be at most 250 characters"],
    ["q=x&limit=121", "limit", "limit must be between 1 and 120"],
    ["q=x&limit=0", "limit", "limit must be between 1 and 120"],
  ])("refuses %s, naming %s", (query, parameter, message) => {
    expect(search(query)).toEqual({ ok: false, parameter, message });
  });
});
