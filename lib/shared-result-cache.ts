import { LRUCache } from "lru-cache";

/**
 * Remembers what `load` answered for the same arguments, for answers that are the same for every
 * reader (search results): like the page cache (lib/cached-pages.ts), an answer is fresh for
 * `freshSeconds`; after that the next caller gets it at once while one refresh runs behind it,
 * and past `expireSeconds` callers wait for a fresh one. Callers asking the same thing at the
 * same moment share one load. Failures are not remembered.
 */
export function sharedResultCache<A, T extends {}>({
  freshSeconds,
  expireSeconds,
  maxEntries,
  load,
}: {
  freshSeconds: number;
  expireSeconds: number;
  maxEntries: number;
  load: (args: A) => Promise<T>;
}): (args: A) => Promise<T> {
  type Entry = { value: T; loadedAt: number };
  // The arguments travel to fetchMethod as its context (typed `unknown` there: lru-cache's
  // conditional types do not resolve for a generic context).
  const cache = new LRUCache<string, Entry, unknown>({
    max: maxEntries,
    ttl: freshSeconds * 1000,
    // Past its freshness an entry is still answered while fetchMethod replaces it.
    allowStale: true,
    noDeleteOnStaleGet: true,
    fetchMethod: async (_key, _stale, { context }) => ({ value: await load(context as A), loadedAt: Date.now() }),
  });
  return async (args) => {
    const key = JSON.stringify(args);
    const known = cache.peek(key, { allowStale: true });
    const tooOld = known !== undefined && Date.now() - known.loadedAt > expireSeconds * 1000;
    const entry = await cache.fetch(key, { context: args, ...(tooOld ? { forceRefresh: true, allowStale: false } : {}) });
    if (!entry) throw new Error("sharedResultCache: load answered nothing");
    return entry.value;
  };
}
