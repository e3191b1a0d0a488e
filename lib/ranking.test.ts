import { describe, expect, it } from "vitest";
import { compareRanked, type Rankable } from "./ranking";

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 8, minute));
const entry = (id: string, upvoteCount: number, minute: number, pinnedPosition: number | null = null): Rankable => ({
  id,
  upvoteCount,
  submittedAt: at(minute),
  pinnedPosition,
});

const order = (entries: Rankable[]) => [...entries].sort(compareRanked).map((e) => e.id);

describe("compareRanked", () => {
  it("ranks by upvotes, most first", () => {
    expect(order([entry("a", 1, 0), entry("b", 5, 0), entry("c", 3, 0)])).toEqual(["b", "c", "a"]);
  });

  it("breaks ties by earlier submission", () => {
    expect(order([entry("late", 4, 30), entry("early", 4, 10)])).toEqual(["early", "late"]);
  });

  it("breaks full ties by arXiv ID, so the order is stable", () => {
    expect(order([entry("2401.2", 2, 5), entry("2401.1", 2, 5)])).toEqual(["2401.1", "2401.2"]);
  });

  it("puts pinned papers first, by pin position, whatever their votes", () => {
    expect(order([entry("popular", 90, 0), entry("pin2", 0, 0, 2), entry("pin1", 1, 50, 1), entry("quiet", 0, 0)])).toEqual([
      "pin1",
      "pin2",
      "popular",
      "quiet",
    ]);
  });
});
