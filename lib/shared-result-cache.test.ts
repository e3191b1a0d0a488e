import { describe, expect, it } from "vitest";
import { sharedResultCache } from "./shared-result-cache";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A load that counts its calls and answers "<args>#<call>", after `delayMs`. */
function countingLoad(delayMs = 0) {
  const calls: string[] = [];
  const load = async (args: { q: string }) => {
    calls.push(args.q);
    await sleep(delayMs);
    return { answer: `${args.q}#${calls.length}` };
  };
  return { calls, load };
}

describe("sharedResultCache", () => {
  it("answers the same arguments from memory while fresh, and other arguments apart", async () => {
    const { calls, load } = countingLoad();
    const cached = sharedResultCache({ freshSeconds: 60, expireSeconds: 120, maxEntries: 10, load });
    expect(await cached({ q: "a" })).toEqual({ answer: "a#1" });
    expect(await cached({ q: "a" })).toEqual({ answer: "a#1" });
    expect(await cached({ q: "b" })).toEqual({ answer: "b#2" });
    expect(calls).toEqual(["a", "b"]);
  });

  it("shares one load among callers asking at the same moment", async () => {
    const { calls, load } = countingLoad(30);
    const cached = sharedResultCache({ freshSeconds: 60, expireSeconds: 120, maxEntries: 10, load });
    const answers = await Promise.all(Array.from({ length: 20 }, () => cached({ q: "same" })));
    expect(new Set(answers.map((a) => a.answer))).toEqual(new Set(["same#1"]));
    expect(calls).toHaveLength(1);
  });

  it("past freshness answers the old result at once and refreshes behind it", async () => {
    const { calls, load } = countingLoad(20);
    const cached = sharedResultCache({ freshSeconds: 0.05, expireSeconds: 10, maxEntries: 10, load });
    await cached({ q: "a" });
    await sleep(80);
    expect(await cached({ q: "a" })).toEqual({ answer: "a#1" }); // stale, refresh started
    await sleep(60);
    expect(await cached({ q: "a" })).toEqual({ answer: "a#2" });
    expect(calls).toHaveLength(2);
  });

  it("past expiry waits for a fresh result", async () => {
    const { load } = countingLoad();
    const cached = sharedResultCache({ freshSeconds: 0.02, expireSeconds: 0.05, maxEntries: 10, load });
    await cached({ q: "a" });
    await sleep(80);
    expect(await cached({ q: "a" })).toEqual({ answer: "a#2" });
  });

  it("does not remember failures", async () => {
    let fail = true;
    const cached = sharedResultCache({
      freshSeconds: 60,
      expireSeconds: 120,
      maxEntries: 10,
      load: async () => {
        if (fail) throw new Error("database down");
        return { ok: true };
      },
    });
    await expect(cached({ q: "a" })).rejects.toThrow("database down");
    fail = false;
    expect(await cached({ q: "a" })).toEqual({ ok: true });
  });
});
