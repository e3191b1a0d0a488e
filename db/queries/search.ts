import "server-only";
import { and, asc, desc, eq, sql, type SQL } from "drizzle-orm";
import { headlineOptions, MARK_START, MARK_STOP } from "@/lib/highlight";
import type { Day } from "@/lib/dates";
import type { SearchFilters } from "@/lib/search-request";
import { cardColumns } from "./card-columns";
import { firstVisibleListing } from "./listings";
import { getReadDb } from "../client";
import { papers, users } from "../schema";
import { getAuthorPreviews, type ListedPaper } from "./daily-list";

// Full-text search over papers.search_vector (see db/schema.ts): title (A), authors (B), abstract (C).

/** English with accents folded (migration 0012): the configuration the column was built with. */
const SEARCH_CONFIG = sql.raw("'paperboard'::regconfig");

export type SearchHit = ListedPaper & {
  /** ts_headline output with lib/highlight.ts markers: the whole title, and abstract fragments. */
  titleHeadline: string;
  abstractHeadline: string;
  /** Every author's name, ", " between them (papers.author_names), with the matched words marked. */
  authorsHeadline: string;
  /** The first day the paper was (visibly) on the list, within the date filter when there is one. */
  listedOn: Day | null;
};

/** `onlyExclusions`: nothing to look for, only words to leave out ("-diffusion"), which would list every paper. */
export type SearchResult = { hits: SearchHit[]; total: number; onlyStopWords: boolean; onlyExclusions?: true };

// ts_rank_cd weights in the order {D, C, B, A}. A title match is worth ten abstract matches, so
// an abstract that repeats a word cannot outrank a paper named after it; an author is worth four.
const WEIGHTS = sql.raw(`'{0.05, 0.1, 0.4, 1.0}'::float4[]`);

const TITLE_HEADLINE = headlineOptions({ HighlightAll: true });
const ABSTRACT_HEADLINE = headlineOptions({ MaxFragments: 2, MinWords: 12, MaxWords: 28, FragmentDelimiter: " … " });

/**
 * Papers matching a websearch-style query ("quoted phrases", -exclude, or), best first: by
 * weighted cover density, then upvotes, then arXiv ID so the order is stable.
 */
export async function searchPapers({ q, filters, limit = 50, offset = 0 }: { q: string; filters: SearchFilters; limit?: number; offset?: number }): Promise<SearchResult> {
  const db = getReadDb();
  const tsquery = tsqueryOf(q);
  if (/(^|\s)-/.test(q) && (await matchesAlmostEverything(q))) return { hits: [], total: 0, onlyStopWords: false, onlyExclusions: true };

  // The first visible listing of each paper (in the date range, if any), for the card and the filter.
  const listing = firstVisibleListing({ from: filters.from, to: filters.to, alias: "listing" });

  // Rank and cut first, so ts_headline (the expensive part) runs only for the papers shown.
  const matchesQuery = db
    .select({
      id: papers.id,
      rank: sql<number>`ts_rank_cd(${WEIGHTS}, ${papers.searchVector}, ${tsquery})`.as("rank"),
      total: sql<number>`count(*) over ()`.mapWith(Number).as("total"),
      listedOn: listing.day,
      submittedAt: listing.submittedAt,
      submittedById: listing.submittedById,
    })
    .from(papers);
  const joined = filters.listedOnly
    ? matchesQuery.innerJoin(listing, eq(listing.paperId, papers.id))
    : matchesQuery.leftJoin(listing, eq(listing.paperId, papers.id));
  const matches = joined
    .where(sql`${papers.searchVector} @@ ${tsquery}`)
    .orderBy(desc(sql`rank`), desc(papers.upvoteCount), asc(papers.id))
    .limit(limit)
    .offset(offset)
    .as("matches");

  // The markers are removed from the source text, so every marker in the output is a match.
  const markers = `${MARK_START}${MARK_STOP}`;
  const rows = await db
    .select({
      ...cardColumns,
      createdAt: papers.createdAt,
      total: matches.total,
      listedOn: matches.listedOn,
      submittedAt: matches.submittedAt,
      titleHeadline: sql<string>`ts_headline(${SEARCH_CONFIG}, translate(${papers.title}, ${markers}, ''), ${tsquery}, ${TITLE_HEADLINE})`,
      abstractHeadline: sql<string>`ts_headline(${SEARCH_CONFIG}, translate(${papers.abstract}, ${markers}, ''), ${tsquery}, ${ABSTRACT_HEADLINE})`,
      authorsHeadline: sql<string>`ts_headline(${SEARCH_CONFIG}, translate(${papers.authorNames}, ${markers}, ''), ${tsquery}, ${TITLE_HEADLINE})`,
      submitterUsername: users.username,
      submitterName: users.name,
    })
    .from(matches)
    .innerJoin(papers, eq(papers.id, matches.id))
    .leftJoin(users, eq(users.id, matches.submittedById))
    .orderBy(desc(matches.rank), desc(papers.upvoteCount), asc(papers.id));

  // Past the last page there are no rows to carry the total: count the matches alone.
  if (rows.length === 0 && offset > 0) return { hits: [], total: await countMatches(q, filters), onlyStopWords: false };
  if (rows.length === 0) return { hits: [], total: 0, onlyStopWords: await hasNoSearchableWords(q) };

  const authors = await getAuthorPreviews(rows.map((r) => r.id));
  const hits = rows.map(({ total: _total, createdAt, submittedAt, submitterUsername, submitterName, ...row }) => ({
    ...row,
    submittedAt: submittedAt ?? createdAt,
    pinnedPosition: null,
    authors: authors.get(row.id)?.names ?? [],
    authorCount: authors.get(row.id)?.count ?? 0,
    submitter: submitterUsername || submitterName ? { username: submitterUsername, name: submitterName } : null,
  }));
  return { hits, total: rows[0].total, onlyStopWords: false };
}

/**
 * The reader's words as the query every search statement here runs ("phrases", -exclusions, or).
 * A hyphen inside a word splits it: websearch_to_tsquery keeps "state-space" whole, which then
 * matches only papers that hyphenate it; as "state space" it matches both spellings (PostgreSQL
 * indexes a hyphenated word's parts too). A leading hyphen still excludes.
 */
function tsqueryOf(q: string): SQL {
  return sql`websearch_to_tsquery(${SEARCH_CONFIG}, ${q.replace(/(?<=[\p{L}\p{N}])-(?=[\p{L}\p{N}])/gu, " ")})`;
}

/** How many papers match, with the same filters as searchPapers. */
async function countMatches(q: string, filters: SearchFilters): Promise<number> {
  const listing = firstVisibleListing({ from: filters.from, to: filters.to, alias: "listing" });
  const matching = getReadDb()
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(papers);
  const joined = filters.listedOnly ? matching.innerJoin(listing, eq(listing.paperId, papers.id)) : matching;
  const [row] = await joined.where(sql`${papers.searchVector} @@ ${tsqueryOf(q)}`);
  return row.n;
}

/** True when the query has no words left to search for, e.g. "the" or "-", once stop words go. */
async function hasNoSearchableWords(q: string): Promise<boolean> {
  const [row] = await getReadDb()
    .select({ nodes: sql<number>`numnode(${tsqueryOf(q)})`.mapWith(Number) })
    .from(sql`(select 1) as one`);
  return row.nodes === 0;
}

/**
 * True when the query has only exclusions to go on ("-diffusion", "-a or b"): the index cannot
 * narrow it (querytree is "T"), so it would rank every paper in the catalogue, for one request.
 */
async function matchesAlmostEverything(q: string): Promise<boolean> {
  const [row] = await getReadDb()
    .select({ tree: sql<string>`querytree(${tsqueryOf(q)})` })
    .from(sql`(select 1) as one`);
  return row.tree === "T";
}

/** Whether the catalogue has a paper, for the arXiv ID shortcut. */
export async function paperExists({ id }: { id: string }): Promise<boolean> {
  const [row] = await getReadDb().select({ id: papers.id }).from(papers).where(eq(papers.id, id)).limit(1);
  return Boolean(row);
}
