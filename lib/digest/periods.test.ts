import { describe, expect, it } from "vitest";
import { duePeriod, parsePeriodKey } from "./periods";

describe("digest periods", () => {
  it("are yesterday (UTC) for daily digests, whatever the hour", () => {
    expect(duePeriod("daily", new Date("2025-02-14T00:00:00Z")).key).toBe("daily:2025-02-13");
    expect(duePeriod("daily", new Date("2025-02-14T23:59:59Z")).key).toBe("daily:2025-02-13");
    expect(duePeriod("daily", new Date("2025-03-01T06:00:00Z"))).toMatchObject({ key: "daily:2025-02-28", start: "2025-02-28", end: "2025-02-28" });
  });

  it("are the last complete ISO week for weekly digests", () => {
    // Monday 17 February 2025 starts W08, so W07 (10–16 February) is complete.
    expect(duePeriod("weekly", new Date("2025-02-17T00:00:00Z"))).toMatchObject({ key: "weekly:2025-W07", start: "2025-02-10", end: "2025-02-16" });
    // Sunday 16 February is still in W07: the last complete week is W06.
    expect(duePeriod("weekly", new Date("2025-02-16T23:00:00Z")).key).toBe("weekly:2025-W06");
    // Across a year boundary: Monday 5 January 2026 follows 2026-W01 (29 Dec 2025 – 4 Jan 2026).
    expect(duePeriod("weekly", new Date("2026-01-05T06:00:00Z"))).toMatchObject({ key: "weekly:2026-W01", start: "2025-12-29", end: "2026-01-04" });
  });

  it("round-trip through their keys and refuse anything else", () => {
    for (const p of [duePeriod("daily", new Date("2025-02-14T06:00:00Z")), duePeriod("weekly", new Date("2025-02-14T06:00:00Z"))]) {
      expect(parsePeriodKey(p.key)).toEqual(p);
    }
    expect(parsePeriodKey("daily:2025-02-30")).toBeNull();
    expect(parsePeriodKey("weekly:2025-W54")).toBeNull();
    expect(parsePeriodKey("monthly:2025-02")).toBeNull();
    expect(parsePeriodKey("daily")).toBeNull();
  });
});
