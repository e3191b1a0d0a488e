import { getEnv } from "../env";
import { siteOrigin } from "../site-url";
import { buildAtom } from "./atom";
import { FEED_CONTENT_TYPES, type FeedDocument, type FeedFormat } from "./model";
import { buildRss } from "./rss";

// The HTTP side of every feed route: the site's origin in, the document in the asked-for format
// out, with its media type. Feeds are public and change at most every few minutes.

const FEED_CACHE = "public, max-age=300, stale-while-revalidate=600";

export async function serveFeed(request: Request, format: FeedFormat, load: (origin: string) => Promise<FeedDocument | null>): Promise<Response> {
  const feed = await load(siteOrigin(getEnv(), request.headers));
  if (!feed) return feedNotFound();
  return new Response(format === "rss" ? buildRss(feed) : buildAtom(feed), {
    headers: {
      "content-type": `${FEED_CONTENT_TYPES[format]}; charset=utf-8`,
      "cache-control": FEED_CACHE,
      "access-control-allow-origin": "*",
    },
  });
}

export function feedNotFound(): Response {
  return new Response("No such feed.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/** "2025-02-14.xml" → { stem: "2025-02-14", format: "rss" }; null for any other extension. */
export function splitFeedFile(name: string): { stem: string; format: FeedFormat } | null {
  const match = /^(.+)\.(xml|atom)$/.exec(name);
  return match ? { stem: match[1], format: match[2] === "xml" ? "rss" : "atom" } : null;
}
