import { describe, expect, it } from "vitest";
import { createThrottle } from "./throttle";

const INTERVAL = 40;

/** Runs `count` tasks at once through one throttle and records when each started and ended. */
async function runConcurrently(count: number, { failing = -1 } = {}) {
  const throttle = createThrottle();
  const spans: { start: number; end: number }[] = [];
  const results = await Promise.allSettled(
    Array.from({ length: count }, (_, index) =>
      throttle.run(INTERVAL, async () => {
        const start = performance.now();
        await new Promise((resolve) => setTimeout(resolve, 5));
        spans[index] = { start, end: performance.now() };
        if (index === failing) throw new Error("task failed");
        return index;
      }),
    ),
  );
  return { spans, results };
}

describe("createThrottle", () => {
  it("runs the first task at once", async () => {
    const before = performance.now();
    const { spans } = await runConcurrently(1);
    expect(spans[0].start - before).toBeLessThan(INTERVAL);
  });

  it("runs tasks one at a time, each the interval after the previous one ended", async () => {
    const { spans, results } = await runConcurrently(4);
    expect(results.map((r) => r.status === "fulfilled" && r.value)).toEqual([0, 1, 2, 3]);
    for (let i = 1; i < spans.length; i++) {
      expect(spans[i].start - spans[i - 1].end).toBeGreaterThanOrEqual(INTERVAL);
    }
  });

  it("keeps going, and keeps the spacing, after a task fails", async () => {
    const { spans, results } = await runConcurrently(3, { failing: 1 });
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(spans[2].start - spans[1].end).toBeGreaterThanOrEqual(INTERVAL);
  });
});
