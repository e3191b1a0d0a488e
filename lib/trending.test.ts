import { describe, expect, it } from "vitest";
import { compareTrending, formatScore, hoursSinceListed, TRENDING, trendingScore, trendingWindow, type TrendingCandidate } from "./trending";

describe("trendingScore", () => {
  it("is (upvotes + 0.5 × comments) / (age + 2)^1.8", () => {
    expect(trendingScore({ upvotes: 10, comments: 4, ageHours: 8 })).toBeCloseTo(12 / Math.pow(10, 1.8), 12);
    expect(trendingScore({ upvotes: 1, comments: 0, ageHours: 0 })).toBeCloseTo(1 / Math.pow(2, 1.8), 12);
  });

  it("is zero without activity, and grows with votes and comments", () => {
    expect(trendingScore({ upvotes: 0, comments: 0, ageHours: 5 })).toBe(0);
    const base = trendingScore({ upvotes: 3, comments: 0, ageHours: 5 });
    expect(trendingScore({ upvotes: 4, comments: 0, ageHours: 5 })).toBeGreaterThan(base);
    expect(trendingScore({ upvotes: 3, comments: 2, ageHours: 5 })).toBeCloseTo(trendingScore({ upvotes: 4, comments: 0, ageHours: 5 }), 12);
  });

  it("lets a fresh paper with a few votes beat a day-old paper with many", () => {
    const fresh = trendingScore({ upvotes: 3, comments: 0, ageHours: 2 });
    const dayOld = trendingScore({ upvotes: 20, comments: 0, ageHours: 26 });
    expect(fresh).toBeGreaterThan(dayOld);
  });

  it("treats a negative age (a clock behind the list) as zero", () => {
    expect(trendingScore({ upvotes: 1, comments: 0, ageHours: -3 })).toBe(trendingScore({ upvotes: 1, comments: 0, ageHours: 0 }));
  });
});

describe("the window and age", () => {
  const now = new Date("2025-03-10T15:30:00Z");

  it("covers today and the six days before, from midnight UTC", () => {
    expect(trendingWindow(now)).toEqual({ startDay: "2025-03-04", endDay: "2025-03-10", since: new Date("2025-03-04T00:00:00Z") });
    expect(TRENDING.windowDays).toBe(7);
  });

  it("counts age from midnight UTC of the first listing day", () => {
    expect(hoursSinceListed("2025-03-10", now)).toBe(15.5);
    expect(hoursSinceListed("2025-03-09", now)).toBe(39.5);
    expect(hoursSinceListed("2025-03-11", now)).toBe(0);
  });
});

describe("compareTrending", () => {
  const paper = (id: string, upvotes: number, ageHours: number, firstListedDay = "2025-03-10", comments = 0): TrendingCandidate => ({
    id,
    upvotes,
    comments,
    ageHours,
    firstListedDay,
  });

  it("orders by score, then upvotes, then the more recent listing, then ID", () => {
    const list = [
      paper("d", 0, 1),
      paper("c", 2, 10, "2025-03-09"),
      paper("a", 5, 10),
      paper("e", 2, 10, "2025-03-10"),
      paper("b", 1, 10, "2025-03-10", 2), // same score as e, fewer upvotes
      paper("f", 2, 10, "2025-03-10"),
    ];
    expect(list.sort(compareTrending).map((p) => p.id)).toEqual(["a", "e", "f", "c", "b", "d"]);
  });
});

describe("formatScore", () => {
  it("shows four significant figures", () => {
    expect(formatScore(12 / Math.pow(10, 1.8))).toBe("0.1902");
    expect(formatScore(0)).toBe("0");
  });
});
