import "server-only";
import { parseArxivId } from "@/lib/arxiv-id";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { ArxivApiError, ArxivFeedError, ArxivUnavailableError } from "./errors";
import { parseAtomFeed, type ArxivEntry, type ArxivFeed } from "./parse-atom";
import { arxivThrottle } from "./throttle";

// The arXiv export API (ARXIV_API_URL). Every request waits its turn in the process-wide throttle
// (ARXIV_MIN_INTERVAL_MS apart) and gives up after ARXIV_TIMEOUT_MS.

/** IDs per request: keeps the URL short, and arXiv answers a hundred entries quickly. */
const DEFAULT_BATCH_SIZE = 100;

/**
 * The latest version of each paper, fetched in batches of `batchSize` IDs. Accepts any form
 * parseArxivId does (versions are dropped); IDs arXiv does not know are simply absent.
 */
export async function fetchArxivByIds(
  ids: readonly string[],
  { batchSize = DEFAULT_BATCH_SIZE }: { batchSize?: number } = {},
): Promise<ArxivEntry[]> {
  const canonical = [...new Set(ids.map(canonicalId))];
  const entries: ArxivEntry[] = [];
  for (let start = 0; start < canonical.length; start += batchSize) {
    const batch = canonical.slice(start, start + batchSize);
    // max_results defaults to 10 even for an id_list, so ask for the whole batch.
    const feed = await query({ id_list: batch.join(","), start: "0", max_results: String(batch.length) });
    entries.push(...feed.entries);
  }
  return entries;
}

export type SearchArgs = {
  /** An arXiv search_query, e.g. `cat:cs.LG AND submittedDate:[202401150000 TO 202401152359]`. */
  query: string;
  start?: number;
  /** Up to 2000 per request (arXiv's limit). */
  maxResults?: number;
  sortBy?: "relevance" | "lastUpdatedDate" | "submittedDate";
  sortOrder?: "ascending" | "descending";
};

/** One page of search results, with OpenSearch's totalResults for paging through the rest. */
export async function searchArxiv({ query: search, start = 0, maxResults = 100, sortBy, sortOrder }: SearchArgs): Promise<ArxivFeed> {
  return query({
    search_query: search,
    start: String(start),
    max_results: String(maxResults),
    ...(sortBy ? { sortBy } : {}),
    ...(sortOrder ? { sortOrder } : {}),
  });
}

function canonicalId(input: string): string {
  const parsed = parseArxivId(input);
  if (!parsed) throw new AppError("invalid_input", { message: `“${input}” is not an arXiv identifier (e.g. 2401.12345).` });
  return parsed.id;
}

async function query(params: Record<string, string>): Promise<ArxivFeed> {
  const env = getEnv();
  const url = new URL(env.ARXIV_API_URL);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  const { status, body } = await arxivThrottle().run(env.ARXIV_MIN_INTERVAL_MS, () => get(url, env.ARXIV_TIMEOUT_MS));
  if (status >= 200 && status < 300) return parseAtomFeed(body);
  // arXiv reports a bad request as HTTP 400 carrying its error feed, which parseAtomFeed turns
  // into an ArxivApiError. Any other refusal is an answer we cannot use.
  try {
    parseAtomFeed(body);
  } catch (error) {
    if (error instanceof ArxivApiError) throw error;
  }
  throw new ArxivFeedError(`HTTP ${status} without arXiv's error feed`);
}

/** One GET, body included, under the timeout; what makes arXiv unavailable becomes that error. */
async function get(url: URL, timeoutMs: number): Promise<{ status: number; body: string }> {
  try {
    const response = await fetch(url, {
      headers: { accept: "application/atom+xml" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    // 429 and 503 are how arXiv says "slow down" or "busy": both mean try again later.
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new ArxivUnavailableError("http", { upstreamStatus: response.status });
    }
    return { status: response.status, body: await response.text() };
  } catch (error) {
    if (error instanceof ArxivUnavailableError) throw error;
    const timedOut = error instanceof DOMException && error.name === "TimeoutError";
    throw new ArxivUnavailableError(timedOut ? "timeout" : "network", { cause: error });
  }
}
