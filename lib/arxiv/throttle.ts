import { setTimeout as sleep } from "node:timers/promises";

// arXiv's terms of use ask API clients for one connection at a time and no more than one request
// every three seconds. A throttle runs tasks one after another, each starting at least
// `intervalMs` after the previous one finished: measuring from the end keeps both promises even
// when a response is slow, and it makes the spacing visible to the server that receives them.

export type Throttle = {
  run<T>(intervalMs: number, task: () => Promise<T>): Promise<T>;
};

export function createThrottle(): Throttle {
  let queue: Promise<unknown> = Promise.resolve();
  let lastSettledAt = -Infinity;

  return {
    run(intervalMs, task) {
      const turn = queue.then(async () => {
        await sleepUntil(lastSettledAt + intervalMs);
        try {
          return await task();
        } finally {
          lastSettledAt = performance.now();
        }
      });
      // A failed task must not stop the ones queued behind it.
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}

async function sleepUntil(deadline: number) {
  // Timers may fire a fraction of a millisecond early; the loop makes the deadline a promise.
  for (let left = deadline - performance.now(); left > 0; left = deadline - performance.now()) {
    await sleep(Math.ceil(left));
  }
}

// One per process, on globalThis: Next can load this module once per bundle layer, and a throttle
// per copy would let two copies talk to arXiv at once.
const globalForThrottle = globalThis as unknown as { paperboardArxivThrottle?: Throttle };

export function arxivThrottle(): Throttle {
  globalForThrottle.paperboardArxivThrottle ??= createThrottle();
  return globalForThrottle.paperboardArxivThrottle;
}
