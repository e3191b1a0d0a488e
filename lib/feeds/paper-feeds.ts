import type { CommentRowInput, ListedPaperRow } from "../api/shape";
import { paperPath } from "../arxiv-id";
import { TRENDING_PATH } from "../cached-pages";
import { formatDay, type Day } from "../dates";
import { DISCUSSION_ANCHOR } from "../discussion-anchor";
import { dayPath } from "../paths";
import { mathTextAsPlain } from "../math-text";
import { absoluteUrl } from "../site-url";
import { textToHtml } from "./html";
import type { FeedDocument, FeedItem } from "./model";

// The feeds Paperboard offers, as format-neutral documents. Pure: rows and the site's origin in,
// FeedDocument out. Where each feed is served is decided here too, so the routes, the <link
// rel="alternate"> tags and the feeds' self links agree.

export const feedPaths = {
  latest: { rss: "/feed.xml", atom: "/feed.atom" },
  day: (day: Day) => ({ rss: `/feeds/daily/${day}.xml`, atom: `/feeds/daily/${day}.atom` }),
  trending: { rss: "/trending/feed.xml", atom: "/trending/feed.atom" },
  comments: (paperId: string) => ({ rss: `/feeds/comments/${paperId}.xml`, atom: `/feeds/comments/${paperId}.atom` }),
};

export const TRENDING_DAYS = 7;

function paperItem(origin: string, row: ListedPaperRow, guid: string): FeedItem {
  const link = absoluteUrl(origin, paperPath(row.id));
  return {
    guid,
    title: mathTextAsPlain(row.title),
    link,
    published: row.listing.submittedAt,
    authors: row.authors,
    summary: mathTextAsPlain(row.abstract),
    html: textToHtml(row.abstract),
    comments: `${link}#${DISCUSSION_ANCHOR}`,
  };
}

function urls(origin: string, page: string, paths: { rss: string; atom: string }) {
  return { pageUrl: absoluteUrl(origin, page), rssUrl: absoluteUrl(origin, paths.rss), atomUrl: absoluteUrl(origin, paths.atom) };
}

const latestOf = (dates: Date[], fallback: Date) => new Date(Math.max(fallback.getTime(), ...dates.map((d) => d.getTime())));

/**
 * One day of the list, ranked. `latest` marks the site-wide feed, which follows whichever day is
 * newest: its items keep their per-day guids, so a reader sees each paper once per listing.
 */
export function dailyFeed({ origin, day, rows, latest }: { origin: string; day: Day; rows: ListedPaperRow[]; latest: boolean }): FeedDocument {
  return {
    id: latest ? "paperboard:feed:daily" : `paperboard:feed:daily:${day}`,
    title: latest ? "Paperboard — daily papers" : `Paperboard — papers of ${formatDay(day)}`,
    description: `The research papers the community put on the list for ${formatDay(day)}, most upvoted first.`,
    ...urls(origin, latest ? "/" : dayPath(day), latest ? feedPaths.latest : feedPaths.day(day)),
    updated: latestOf(rows.map((r) => r.listing.submittedAt), new Date(`${day}T00:00:00Z`)),
    items: rows.map((row) => paperItem(origin, row, `paperboard:paper:${row.id}:${day}`)),
  };
}

/** Papers upvoted most in the last TRENDING_DAYS days; a paper keeps one guid however long it trends. */
export function trendingFeed({ origin, rows, now }: { origin: string; rows: ListedPaperRow[]; now: Date }): FeedDocument {
  return {
    id: "paperboard:feed:trending",
    title: "Paperboard — trending papers",
    description: `The papers readers upvoted most in the last ${TRENDING_DAYS} days.`,
    ...urls(origin, TRENDING_PATH, feedPaths.trending),
    updated: now,
    items: rows.map((row) => paperItem(origin, row, `paperboard:paper:${row.id}`)),
  };
}

/**
 * A paper's live comments, newest first; deleted and hidden ones are left out. `renderHtml` is the
 * site's sanitising Markdown renderer (lib/markdown.ts), passed in to keep this module light.
 */
export function commentsFeed({
  origin,
  paper,
  comments,
  renderHtml,
  now,
}: {
  origin: string;
  paper: { id: string; title: string };
  comments: CommentRowInput[];
  renderHtml: (markdown: string, commentId: number, pageUrl: string) => string;
  now: Date;
}): FeedDocument {
  const paperUrl = absoluteUrl(origin, paperPath(paper.id));
  const live = comments.filter((c) => c.state === "live").sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  return {
    id: `paperboard:feed:comments:${paper.id}`,
    title: `Comments on “${mathTextAsPlain(paper.title)}”`,
    description: `The discussion of arXiv:${paper.id} on Paperboard.`,
    ...urls(origin, paperPath(paper.id), feedPaths.comments(paper.id)),
    updated: live.length > 0 ? latestOf(live.map((c) => c.editedAt ?? c.createdAt), live[0].createdAt) : now,
    items: live.map((comment) => {
      const who = comment.author?.username ? `@${comment.author.username}` : (comment.author?.name ?? "a reader");
      return {
        guid: `paperboard:comment:${comment.id}`,
        title: `${who} on “${mathTextAsPlain(paper.title)}”`,
        link: `${paperUrl}#comment-${comment.id}`,
        published: comment.createdAt,
        updated: comment.editedAt ?? undefined,
        authors: [comment.author?.name ?? who],
        summary: comment.body ?? "",
        html: renderHtml(comment.body ?? "", comment.id, paperUrl),
        comments: `${paperUrl}#${DISCUSSION_ANCHOR}`,
      };
    }),
  };
}
