import { loadLatestDailyFeed } from "@/app/feeds/load";
import { serveFeed } from "@/lib/feeds/serve";

// GET /feed.atom: the latest day of the list, as Atom.
export const GET = (request: Request) => serveFeed(request, "atom", loadLatestDailyFeed);
