import { loadTrendingFeed } from "@/app/feeds/load";
import { serveFeed } from "@/lib/feeds/serve";

// GET /trending/feed.xml: the most upvoted papers of the last seven days, as RSS 2.0.
export const GET = (request: Request) => serveFeed(request, "rss", loadTrendingFeed);
