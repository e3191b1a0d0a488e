// What every feed says, whatever its format: lib/feeds/rss.ts and lib/feeds/atom.ts write it out.

export type FeedItem = {
  /** Stable forever, e.g. "paperboard:paper:2401.12345:2025-02-14": readers use it to spot new items. */
  guid: string;
  title: string;
  /** Absolute URL of the item's page. */
  link: string;
  published: Date;
  /** When it last changed (an edited comment), if after `published`. */
  updated?: Date;
  authors: string[];
  /** Plain text (Atom's summary). */
  summary: string;
  /** The same, or richer, as HTML (RSS's description, Atom's content). */
  html: string;
  /** Absolute URL of the item's discussion. */
  comments?: string;
  categories?: string[];
};

export type FeedDocument = {
  /** Atom's feed id: stable, independent of the host it is served from. */
  id: string;
  title: string;
  description: string;
  /** Absolute URLs: the HTML page this feed follows, and the feed itself in each format. */
  pageUrl: string;
  rssUrl: string;
  atomUrl: string;
  updated: Date;
  items: FeedItem[];
};

export type FeedFormat = "rss" | "atom";

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: "application/rss+xml",
  atom: "application/atom+xml",
};
