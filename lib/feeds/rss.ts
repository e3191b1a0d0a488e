import type { FeedDocument } from "./model";
import { xmlDocument, xmlSafeText } from "./xml";

// RSS 2.0 (rssboard.org/rss-specification), following the RSS Advisory Board's profile: dates in
// RFC 822 form with a four-digit year, guids that are not URLs marked isPermaLink="false", an
// atom:link to the feed itself, authors as dc:creator (RSS's own <author> wants an email address).
// <description> holds HTML, as the profile advises, escaped as text.

/** RFC 822 date-time, e.g. "Fri, 14 Feb 2025 08:00:00 GMT". */
export const rfc822 = (date: Date) => date.toUTCString();

export function buildRss(feed: FeedDocument): string {
  return xmlDocument({
    rss: {
      "@_version": "2.0",
      "@_xmlns:atom": "http://www.w3.org/2005/Atom",
      "@_xmlns:dc": "http://purl.org/dc/elements/1.1/",
      channel: {
        title: xmlSafeText(feed.title),
        link: feed.pageUrl,
        description: xmlSafeText(feed.description),
        language: "en",
        lastBuildDate: rfc822(feed.updated),
        generator: "Paperboard",
        "atom:link": { "@_href": feed.rssUrl, "@_rel": "self", "@_type": "application/rss+xml" },
        item: feed.items.map((item) => ({
          title: xmlSafeText(item.title),
          link: item.link,
          description: xmlSafeText(item.html),
          guid: { "@_isPermaLink": "false", "#text": item.guid },
          pubDate: rfc822(item.published),
          "dc:creator": item.authors.length > 0 ? xmlSafeText(item.authors.join(", ")) : undefined,
          category: (item.categories ?? []).map(xmlSafeText),
          comments: item.comments,
        })),
      },
    },
  });
}
