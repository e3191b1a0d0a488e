import { describe, expect, it } from "vitest";
import { MoveEntryInput } from "./admin-schemas";
import { addDays, todayUtc } from "./dates";

describe("the days a paper can be listed on", () => {
  const move = (toDay: string) => MoveEntryInput.safeParse({ entryId: "1", toDay });

  it("takes any past day, today and tomorrow (UTC)", () => {
    for (const day of ["2024-02-29", addDays(todayUtc(), -1), todayUtc(), addDays(todayUtc(), 1)]) expect(move(day).success, day).toBe(true);
  });

  it("refuses a day further ahead, saying how far it may go (a mistyped year sent papers to 2099)", () => {
    for (const day of [addDays(todayUtc(), 2), "2099-01-01"]) {
      const result = move(day);
      expect(result.success, day).toBe(false);
      expect(result.error?.issues[0].message).toMatch(/^Papers can be listed up to .+ \(UTC\); .+ is further ahead\.$/);
    }
  });
});
