import { loadTrendingFeed } from "@/app/feeds/load";
import { serveFeed } from "@/lib/feeds/serve";

// GET /trending/feed.atom: the most upvoted papers of the last seven days, as Atom.
export const GET = (request: Request) => serveFeed(request, "atom", loadTrendingFeed);
