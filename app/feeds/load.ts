import "server-only";
import { getDailyPapers, getPaperTitle } from "@/db/queries/api";
import { getPaperComments } from "@/db/queries/comments";
import { getLatestListedDay } from "@/db/queries/daily-list";
import { getTrendingPaperRows } from "@/db/queries/feeds";
import { todayUtc, type Day } from "@/lib/dates";
import { commentsFeed, dailyFeed, trendingFeed } from "@/lib/feeds/paper-feeds";
import type { FeedDocument } from "@/lib/feeds/model";
import { renderFeedComment } from "@/lib/markdown";

// What each feed route serves, shared by its RSS and Atom routes.

const FEED_ITEMS = 100;

async function rankedDay(day: Day) {
  return getDailyPapers({ window: { start: day, end: day }, sort: "trending", limit: FEED_ITEMS, offset: 0 });
}

export async function loadLatestDailyFeed(origin: string): Promise<FeedDocument> {
  const day = (await getLatestListedDay({ onOrBefore: todayUtc() })) ?? todayUtc();
  return dailyFeed({ origin, day, rows: await rankedDay(day), latest: true });
}

export async function loadDailyFeed(origin: string, day: Day): Promise<FeedDocument> {
  return dailyFeed({ origin, day, rows: await rankedDay(day), latest: false });
}

export async function loadTrendingFeed(origin: string): Promise<FeedDocument> {
  const now = new Date();
  const rows = await getTrendingPaperRows({ now, limit: 30 });
  return trendingFeed({ origin, rows, now });
}

export async function loadCommentsFeed(origin: string, paperId: string): Promise<FeedDocument | null> {
  const paper = await getPaperTitle({ id: paperId });
  if (!paper) return null;
  const comments = await getPaperComments({ paperId: paper.id });
  return commentsFeed({ origin, paper, comments, renderHtml: renderFeedComment, now: new Date() });
}
