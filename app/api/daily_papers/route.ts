import { getDailyPapers } from "@/db/queries/api";
import { getLatestListedDay } from "@/db/queries/daily-list";
import { sharedRead } from "@/db/queries/shared-reads";
import { apiError, apiPreparedJson, apiRoute } from "@/lib/api/http";
import { parseDailyPapersQuery, type DailyPapersQuery } from "@/lib/api/params";
import { prepareJson } from "@/lib/api/prepared-json";
import { toDailyPaper } from "@/lib/api/shape";
import { todayUtc, type Day } from "@/lib/dates";
import { getEnv } from "@/lib/env";
import { siteOrigin } from "@/lib/site-url";

// The whole answer is the same for every client asking the same thing through the same origin,
// and as fresh as the pages that show the same lists: kept ready to send.
const dailyPapersAnswer = sharedRead(async ({ query, today, origin }: { query: DailyPapersQuery; today: Day; origin: string }) => {
  const { window, submitter, sort, limit, page } = query;
  const latest = window ? null : await getLatestListedDay({ onOrBefore: today });
  const range = window ?? (latest ? { start: latest, end: latest } : null);
  if (!range) return prepareJson([]);
  const rows = await getDailyPapers({ window: range, submitter, sort, limit, offset: page * limit });
  return prepareJson(rows.map((row) => toDailyPaper(row, origin)));
});

// GET /api/daily_papers: the daily list, in the shape of Hugging Face's endpoint of the same name.
export const GET = apiRoute(async (request: Request) => {
  const query = parseDailyPapersQuery(new URL(request.url).searchParams);
  if (!query.ok) return apiError("invalid_input", query.message, query.parameter);
  return apiPreparedJson(request, await dailyPapersAnswer({ query: query.value, today: todayUtc(), origin: siteOrigin(getEnv(), request.headers) }));
});
