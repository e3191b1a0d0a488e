import { loadLatestDailyFeed } from "@/app/feeds/load";
import { serveFeed } from "@/lib/feeds/serve";

// GET /feed.xml: the latest day of the list, as RSS 2.0.
export const GET = (request: Request) => serveFeed(request, "rss", loadLatestDailyFeed);
