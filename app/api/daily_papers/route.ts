import { getDailyPapers } from "@/db/queries/api";
import { getLatestListedDay } from "@/db/queries/daily-list";
import { apiError, apiJson, apiRoute } from "@/lib/api/http";
import { parseDailyPapersQuery } from "@/lib/api/params";
import { toDailyPaper } from "@/lib/api/shape";
import { todayUtc } from "@/lib/dates";
import { getEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";

// GET /api/daily_papers: the daily list, in the shape of Hugging Face's endpoint of the same name.
export const GET = apiRoute(async (request: Request) => {
  const query = parseDailyPapersQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError("invalid_input", query.message, query.parameter);
  const { window, submitter, sort, limit, page } = query.value;
  const latest = window ? null : await getLatestListedDay({ onOrBefore: todayUtc() });
  const range = window ?? (latest ? { start: latest, end: latest } : null);
  if (!range) return apiJson([]);
  const rows = await getDailyPapers({ window: range, submitter, sort, limit, offset: page * limit });
  const origin = siteOrigin(getEnv(), request.headers);
  return apiJson(rows.map((row) => toDailyPaper(row, origin)));
});
