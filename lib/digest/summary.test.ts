import { describe, expect, it } from "vitest";
import { exitCodeOf, summaryLines } from "./summary";

const clean = { sent: 12, skipped: 0, skippedFor: { nothingListed: 0, gaveUp: 0, elsewhere: 0 }, failed: [], interrupted: [], released: 0 };

describe("the digest job's report", () => {
  it("is one line and exit 0 when everything went out", () => {
    expect(summaryLines(clean)).toEqual(["digest: 12 sent, 0 skipped, 0 failed (retry next run)"]);
    expect(exitCodeOf(clean)).toBe(0);
  });

  it("says why subscribers were skipped", () => {
    const result = { ...clean, sent: 1, skipped: 3, skippedFor: { nothingListed: 2, gaveUp: 1, elsewhere: 0 } };
    expect(summaryLines(result)[0]).toBe("digest: 1 sent, 3 skipped (2 nothing listed in their period; 1 given up after earlier failures), 0 failed (retry next run)");
  });

  it("names each failure and exits non-zero", () => {
    const result = { ...clean, failed: [{ subscriptionId: 7, period: "daily:2025-02-13", error: "550 no such user", attempts: 5, willRetry: false }] };
    expect(summaryLines(result)).toEqual([
      "digest: 12 sent, 0 skipped, 1 failed (retry next run)",
      "digest: failed subscription 7 daily:2025-02-13 (attempt 5, gave up after 5 attempts): 550 no such user",
    ]);
    expect(exitCodeOf(result)).toBe(1);
  });

  it("keeps asking a person about interrupted sends", () => {
    const interrupted = [{ id: 1, subscriptionId: 3, email: "a@example.org", period: "weekly:2025-W07", claimedAt: new Date("2025-02-17T06:00:00Z"), attempts: 1 }];
    const lines = summaryLines({ ...clean, interrupted });
    expect(lines[1]).toMatch(/1 send\(s\) interrupted mid-way/);
    expect(lines.join("\n")).toContain("npm run digest -- --resend-interrupted");
    expect(exitCodeOf({ ...clean, interrupted })).toBe(1);
  });
});
