import { loadDailyFeed } from "@/app/feeds/load";
import { parseDay, todayUtc } from "@/lib/dates";
import { feedNotFound, serveFeed, splitFeedFile } from "@/lib/feeds/serve";

// GET /feeds/daily/YYYY-MM-DD.xml (RSS 2.0) and .atom: one day of the list. Not under
// /papers/date/…, where the route for a day takes one segment only.
export async function GET(request: Request, ctx: { params: Promise<{ file: string }> }) {
  const file = splitFeedFile((await ctx.params).file);
  const day = file ? parseDay(file.stem) : null;
  // A day still to come has no list, and its feed would be dated in the future.
  if (!file || !day?.ok || day.value > todayUtc()) return feedNotFound();
  return serveFeed(request, file.format, (origin) => loadDailyFeed(origin, day.value));
}
