import { describe, expect, it } from "vitest";
import type { Measurement } from "./measure";
import { failures, formatTable, withRatios } from "./report";

const row = (name: string, requestsPerSecond: number, non2xx = 0, errors = 0): Measurement => ({
  name,
  path: `/${name}`,
  requestsPerSecond,
  latencyMs: { p50: 1, p90: 2, p99: 3 },
  requests: requestsPerSecond * 10,
  non2xx,
  errors,
  bytes: { raw: 100, gzip: 40 },
});

describe("bench report", () => {
  it("divides each target's req/s by the static file's", () => {
    const results = withRatios([row("page", 50), row("static", 500)], "static");
    expect(results.map((r) => r.ratioToStatic)).toEqual([0.1, 1]);
    expect(formatTable(results)).toContain("| page | 50 | 1 | 2 | 3 | 0 / 0 | 0.10× | 100 (40) |");
  });

  it("lists every target that answered non-2xx or failed", () => {
    expect(failures([row("ok", 10), row("gone", 10, 3), row("down", 0, 0, 7)])).toEqual([
      "gone (/gone): 3 non-2xx, 0 errors",
      "down (/down): 0 non-2xx, 7 errors",
    ]);
  });
});
