import { getApiPapers } from "@/db/queries/api";
import { searchPapers } from "@/db/queries/search";
import { apiError, apiJson, apiRoute } from "@/lib/api/http";
import { parseSearchQuery } from "@/lib/api/params";
import { toSearchResult } from "@/lib/api/shape";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/cached-pages";
import { sharedResultCache } from "@/lib/shared-result-cache";

// The whole answer is the same for every client, and as fresh as /search (db/queries/search-cache.ts).
const searchAnswer = sharedResultCache({
  freshSeconds: PAGE_REVALIDATE_SECONDS,
  expireSeconds: PAGE_EXPIRE_SECONDS,
  maxEntries: 500,
  load: async ({ q, limit }: { q: string; limit: number }) => {
    const { hits } = await searchPapers({ q, filters: { from: null, to: null, listedOnly: true }, limit });
    const rows = await getApiPapers({ ids: hits.map((hit) => hit.id) });
    return rows.map(toSearchResult);
  },
});

// GET /api/papers/search?q=&limit=: the site's full-text search (titles > authors > abstracts) over
// papers that were on the list, in the same order as /search. A static segment, so Next matches
// it before the [...id] catch-all beside it.
export const GET = apiRoute(async (request: Request) => {
  const query = parseSearchQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError("invalid_input", query.message, query.parameter);
  return apiJson(await searchAnswer({ q: query.value.q, limit: query.value.limit }));
});
