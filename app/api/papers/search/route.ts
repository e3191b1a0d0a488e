import { searchListedPapers } from "@/db/queries/api";
import { apiError, apiJson, apiRoute } from "@/lib/api/http";
import { parseSearchQuery } from "@/lib/api/params";
import { toSearchResult } from "@/lib/api/shape";

// GET /api/papers/search?q=&limit=: word search over titles, abstracts and authors. A static
// segment, so Next matches it before the [...id] catch-all beside it.
export const GET = apiRoute(async (request: Request) => {
  const query = parseSearchQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError("invalid_input", query.message, query.parameter);
  const rows = await searchListedPapers(query.value);
  return apiJson(rows.map(toSearchResult));
});
