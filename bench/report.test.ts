import { describe, expect, it } from "vitest";
import type { Measurement, PageWeight } from "./measure";
import { combine, failures, formatTable, growthRatio, HOME_BUDGET, median, overBudget, withRatios } from "./report";
import { HOME_ANONYMOUS, HOME_SIGNED_IN } from "./targets";

const row = (name: string, requestsPerSecond: number, { encoding = "gzip", non2xx = 0, errors = 0 }: { encoding?: "gzip" | "identity"; non2xx?: number; errors?: number } = {}): Measurement => ({
  name,
  path: `/${name}`,
  encoding,
  requestsPerSecond,
  latencyMs: { p50: 1, p90: 2, p99: 3 },
  requests: requestsPerSecond * 10,
  non2xx,
  errors,
});

describe("bench report", () => {
  it("divides each target's req/s by the static file's with the same encoding", () => {
    const results = withRatios([row("page", 50), row("static", 500), row("page", 40, { encoding: "identity" }), row("static", 800, { encoding: "identity" })], "static");
    expect(results.map((r) => r.ratioToStatic)).toEqual([0.1, 1, 0.05, 1]);
    expect(formatTable(results)).toContain("| page | gzip | 50 | 500 | 1 | 2 | 3 | 0 / 0 | 0.10× |");
  });

  it("rates a page plus its JSON requests as whole visits: 1/(1/a + 1/b + …), latencies added", () => {
    const visit = combine("visit", [row("html", 100), row("json", 400)]);
    expect(visit.requestsPerSecond).toBeCloseTo(80);
    expect(visit.latencyMs).toEqual({ p50: 2, p90: 4, p99: 6 });
    expect(combine("visit", [row("html", 100), row("json", 400), row("me", 400)]).requestsPerSecond).toBeCloseTo(1 / (1 / 100 + 2 / 400));
    expect(combine("visit", [row("html", 0), row("json", 400)]).requestsPerSecond).toBe(0);
  });

  it("lists every target that answered non-2xx or failed", () => {
    expect(failures([row("ok", 10), row("gone", 10, { non2xx: 3 }), row("down", 0, { errors: 7 })])).toEqual([
      "gone (/gone, gzip): 3 non-2xx, 0 errors",
      "down (/down, gzip): 0 non-2xx, 7 errors",
    ]);
    expect(failures([{ ...row("reset", 10, { errors: 3 }), errorCodes: { ECONNRESET: 2, "request timed out": 1 } }])).toEqual([
      "reset (/reset, gzip): 0 non-2xx, 3 errors (2× ECONNRESET, 1× request timed out)",
    ]);
    const none = { ...row("slow", 0), requests: 0 };
    expect(failures([none])).toEqual([]);
    expect(failures([none], { completedRequired: true })).toEqual(["slow (/slow, gzip): no request completed within the run"]);
  });

  it("holds the anonymous home page to its byte budget", () => {
    const weight = (name: string, htmlGzipBytes: number, firstLoadJsGzipBytes: number): PageWeight => ({ name, path: "/", htmlBytes: htmlGzipBytes * 4, htmlGzipBytes, scripts: 10, firstLoadJsBytes: firstLoadJsGzipBytes * 3, firstLoadJsGzipBytes });
    const { htmlGzipBytes: html, firstLoadJsGzipBytes: js } = HOME_BUDGET;
    expect(overBudget([weight(HOME_ANONYMOUS, html, js), weight(HOME_SIGNED_IN, html + 1, js + 1)])).toEqual([]);
    expect(overBudget([weight(HOME_ANONYMOUS, html + 1, js + 1)])).toEqual([
      `home HTML is ${html + 1} bytes gzip, over ${html}`,
      `home first-load JS is ${js + 1} bytes gzip, over ${js}`,
    ]);
    expect(overBudget([weight(HOME_SIGNED_IN, html, js)])).toEqual(["the home page was not weighed"]);
  });

  it("reports growth as p50 over p50, and nothing when a side completed no request", () => {
    expect(growthRatio(20, 22, 100, 100)).toBeCloseTo(1.1);
    expect(growthRatio(0, 22, 0, 100)).toBeNull();
  });

  it("takes the median of the growth rounds, so one drifted round cannot decide the ratio", () => {
    expect(median([71, 46, 50])).toBe(50);
    expect(median([40, 60])).toBe(50);
    expect(median([3])).toBe(3);
  });
});
