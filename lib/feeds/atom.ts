import type { FeedDocument } from "./model";
import { xmlDocument, xmlSafeText } from "./xml";

// Atom (RFC 4287): dates in RFC 3339 form, a feed-level author so that entries without authors
// stay valid, a self link, and a text summary beside the HTML content.

/** RFC 3339 date-time in UTC, e.g. "2025-02-14T08:00:00.000Z". */
export const rfc3339 = (date: Date) => date.toISOString();

const link = (rel: string, type: string, href: string) => ({ "@_rel": rel, "@_type": type, "@_href": href });

export function buildAtom(feed: FeedDocument): string {
  return xmlDocument({
    feed: {
      "@_xmlns": "http://www.w3.org/2005/Atom",
      id: feed.id,
      title: { "@_type": "text", "#text": xmlSafeText(feed.title) },
      subtitle: { "@_type": "text", "#text": xmlSafeText(feed.description) },
      updated: rfc3339(feed.updated),
      link: [link("self", "application/atom+xml", feed.atomUrl), link("alternate", "text/html", feed.pageUrl)],
      author: { name: "Paperboard" },
      generator: "Paperboard",
      entry: feed.items.map((item) => ({
        id: item.guid,
        title: { "@_type": "text", "#text": xmlSafeText(item.title) },
        link: [link("alternate", "text/html", item.link), ...(item.comments ? [link("replies", "text/html", item.comments)] : [])],
        published: rfc3339(item.published),
        updated: rfc3339(item.updated ?? item.published),
        author: item.authors.map((name) => ({ name: xmlSafeText(name) })),
        category: (item.categories ?? []).map((term) => ({ "@_term": xmlSafeText(term) })),
        summary: { "@_type": "text", "#text": xmlSafeText(item.summary) },
        content: { "@_type": "html", "#text": xmlSafeText(item.html) },
      })),
    },
  });
}
