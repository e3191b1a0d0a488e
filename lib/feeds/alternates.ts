import type { Day } from "../dates";
import { feedPaths } from "./paper-feeds";
import { FEED_CONTENT_TYPES } from "./model";

// <link rel="alternate"> tags for feed autodiscovery, in the shape of Next's metadata.alternates.
// A page that sets alternates replaces the layout's, so page-specific feeds come with the
// site-wide ones.

type Alternates = Record<string, { url: string; title: string }[]>;

const siteWide = [
  { paths: feedPaths.latest, title: "Paperboard — daily papers" },
  { paths: feedPaths.trending, title: "Paperboard — trending papers" },
];

function toTypes(feeds: { paths: { rss: string; atom: string }; title: string }[]): Alternates {
  return {
    [FEED_CONTENT_TYPES.rss]: feeds.map((f) => ({ url: f.paths.rss, title: `${f.title} (RSS)` })),
    [FEED_CONTENT_TYPES.atom]: feeds.map((f) => ({ url: f.paths.atom, title: `${f.title} (Atom)` })),
  };
}

export function siteFeedAlternates(): Alternates {
  return toTypes(siteWide);
}

export function dayFeedAlternates(day: Day): Alternates {
  return toTypes([{ paths: feedPaths.day(day), title: `Paperboard — papers of ${day}` }, ...siteWide]);
}

/** A paper page: its discussion's feed, for following one argument without checking back. */
export function commentFeedAlternates(paperId: string, paperTitle: string): Alternates {
  return toTypes([{ paths: feedPaths.comments(paperId), title: `Comments on “${paperTitle}”` }, ...siteWide]);
}
