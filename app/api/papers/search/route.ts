import { getApiPapers } from "@/db/queries/api";
import { searchPapers } from "@/db/queries/search";
import { sharedRead } from "@/db/queries/shared-reads";
import { apiError, apiPreparedJson, apiRoute } from "@/lib/api/http";
import { parseSearchQuery } from "@/lib/api/params";
import { prepareJson } from "@/lib/api/prepared-json";
import { toSearchResult } from "@/lib/api/shape";

// The whole answer is the same for every client, and as fresh as /search: kept ready to send.
const searchAnswer = sharedRead(async ({ q, limit }: { q: string; limit: number }) => {
  const { hits } = await searchPapers({ q, filters: { from: null, to: null, listedOnly: true }, limit });
  const rows = await getApiPapers({ ids: hits.map((hit) => hit.id) });
  return prepareJson(rows.map(toSearchResult));
});

// GET /api/papers/search?q=&limit=: the site's full-text search (titles > authors > abstracts) over
// papers that were on the list, in the same order as /search. A static segment, so Next matches
// it before the [...id] catch-all beside it.
export const GET = apiRoute(async (request: Request) => {
  const query = parseSearchQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError("invalid_input", query.message, query.parameter);
  return apiPreparedJson(request, await searchAnswer({ q: query.value.q, limit: query.value.limit }));
});
