import { describe, expect, it } from "vitest";
import { formatMoment, timeAgo } from "./relative-time";

const now = new Date("2025-03-10T12:00:00Z");
const before = (ms: number) => new Date(now.getTime() - ms);

describe("timeAgo", () => {
  it("speaks of recent moments relatively", () => {
    expect(timeAgo(before(10_000), now)).toBe("just now");
    expect(timeAgo(before(5 * 60_000), now)).toBe("5 minutes ago");
    expect(timeAgo(before(60 * 60_000), now)).toBe("1 hour ago");
    expect(timeAgo(before(26 * 3_600_000), now)).toBe("yesterday");
    expect(timeAgo(before(3 * 86_400_000), now)).toBe("3 days ago");
  });

  it("gives older moments as a date", () => {
    expect(timeAgo(new Date("2024-12-25T08:00:00Z"), now)).toBe("25 Dec 2024");
  });

  it("treats clock skew into the future as now", () => {
    expect(timeAgo(new Date(now.getTime() + 5_000), now)).toBe("just now");
  });
});

describe("formatMoment", () => {
  it("is absolute and in UTC", () => {
    expect(formatMoment(new Date("2025-03-10T09:05:00Z"))).toBe("10 Mar 2025, 09:05 UTC");
  });
});
