import { describe, expect, it } from "vitest";
import { MAX_PERIOD_PAGE, PERIOD_PAGE_SIZE, parsePeriodPage, periodPageCount, periodPagePath, periodPageTitle } from "./period-pages";

describe("a period's pages", () => {
  it("reads page 1 from the period's own address and page N from …/page/N", () => {
    expect(parsePeriodPage(undefined)).toEqual({ ok: true, number: 1 });
    expect(parsePeriodPage([])).toEqual({ ok: true, number: 1 });
    expect(parsePeriodPage(["page", "2"])).toEqual({ ok: true, number: 2 });
    expect(parsePeriodPage(["page", String(MAX_PERIOD_PAGE)])).toEqual({ ok: true, number: MAX_PERIOD_PAGE });
  });

  it("refuses every other spelling, so one page has one address (and one cache entry)", () => {
    for (const rest of [["page", "1"], ["page", "01"], ["page", "2.0"], ["page", "-2"], ["page", String(MAX_PERIOD_PAGE + 1)], ["page"], ["2"], ["pages", "2"], ["page", "2", "x"]]) {
      expect(parsePeriodPage(rest), rest.join("/")).toMatchObject({ ok: false, reason: expect.any(String) });
    }
  });

  it("links page 1 to the period itself", () => {
    expect(periodPagePath("/papers/week/2025-W07", 1)).toBe("/papers/week/2025-W07");
    expect(periodPagePath("/papers/week/2025-W07", 3)).toBe("/papers/week/2025-W07/page/3");
  });

  it("counts whole pages, one for an empty period, and no more than an address may ask for", () => {
    expect(periodPageCount(0)).toBe(1);
    expect(periodPageCount(PERIOD_PAGE_SIZE)).toBe(1);
    expect(periodPageCount(PERIOD_PAGE_SIZE + 1)).toBe(2);
    expect(periodPageCount(MAX_PERIOD_PAGE * PERIOD_PAGE_SIZE + 1)).toBe(MAX_PERIOD_PAGE);
  });

  it("has room for a month of every new cs paper on arXiv (~10,000)", () => {
    expect(MAX_PERIOD_PAGE * PERIOD_PAGE_SIZE).toBeGreaterThanOrEqual(10_000);
  });
});

describe("a period page's title", () => {
  it("is the period's own on page 1, and says the page after it", () => {
    expect(periodPageTitle("Week 10 of 2019", parsePeriodPage(undefined))).toBe("Week 10 of 2019");
    expect(periodPageTitle("Week 10 of 2019", parsePeriodPage(["page", "2"]))).toBe("Week 10 of 2019, page 2");
    expect(periodPageTitle("Week 10 of 2019", parsePeriodPage(["page", "x"]))).toBe("Week 10 of 2019");
  });
});
