import { describe, expect, it } from "vitest";
import { msToMidnightUtc } from "./midnight";

describe("msToMidnightUtc", () => {
  it("counts to the next midnight UTC, whatever the time zone", () => {
    expect(msToMidnightUtc(new Date("2026-11-28T23:59:30Z"))).toBe(30_000);
    expect(msToMidnightUtc(new Date("2026-11-29T00:00:00Z"))).toBe(24 * 3_600_000);
    expect(msToMidnightUtc(new Date("2026-12-31T12:00:00+02:00"))).toBe(14 * 3_600_000);
  });
});
