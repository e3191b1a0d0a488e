import type { SearchResult } from "@/db/queries/search";
import { formatDay } from "@/lib/dates";
import { authorsToShow, snippetCuts } from "@/lib/highlight";
import { dayPath } from "@/lib/paths";
import { MAX_SEARCH_PAGE } from "@/lib/search-request";
import { PaperList } from "../paper-list";
import { Pager } from "../ui/pager";
import { HighlightedAuthors } from "./highlighted-authors";
import { HighlightedText } from "./highlighted-text";
import { SearchHelp } from "./search-help";

/** Which page of the ranked matches this is, and how to link to the others. */
export type ResultsPage = { number: number; offset: number; size: number; href: (page: number) => string };

/** Ranked results with the matches highlighted, a page at a time, or what to try when there are none. */
export function SearchResults({ q, result, filtered, page }: { q: string; result: SearchResult; filtered: boolean; page: ResultsPage }) {
  const { hits, total } = result;
  const matching = `${total.toLocaleString("en-US")} ${total === 1 ? "paper matches" : "papers match"} “${q}”`;
  const pages = Math.min(Math.ceil(total / page.size), MAX_SEARCH_PAGE);
  if (total > 0 && hits.length === 0) {
    return (
      <p role="status" className="rounded-lg border border-dashed border-zinc-300 p-6 text-zinc-700 dark:border-zinc-700 dark:text-zinc-300">
        {`${matching}, on ${pages} ${pages === 1 ? "page" : "pages"}; there is no page ${page.number}. `}
        <a href={page.href(pages)} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
          Go to page {pages}
        </a>
      </p>
    );
  }
  return (
    <>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {total === 0
          ? `No papers match “${q}”${filtered ? " with these filters" : ""}.`
          : `${matching}${hits.length < total ? `; showing ${page.offset + 1}–${page.offset + hits.length}, best first` : ""}.`}
      </p>
      <PaperList
        papers={hits}
        firstRank={page.offset + 1}
        label="Search results, best match first"
        empty={
          <div className="flex flex-col gap-3 text-left">
            <p className="font-medium text-zinc-800 dark:text-zinc-200">
              {result.onlyExclusions
                ? `“${q}” only says what to leave out. Add a word to look for, e.g. “diffusion ${q}”.`
                : result.onlyStopWords
                ? /[\p{L}\p{N}]/u.test(q)
                  ? `“${q}” has only very common words, which search ignores. Add a more specific word.`
                  : `“${q}” has no words in it. Search for words from a title, an abstract or an author's name.`
                : filtered
                  ? "Nothing found. Try fewer words, or widen the dates or clear the filters."
                  : "Nothing found. Try fewer or different words, or check the spelling."}
            </p>
            <SearchHelp />
          </div>
        }
        slots={(hit) => {
          const cuts = snippetCuts(hit.abstract, hit.abstractHeadline);
          // Unset when the names cannot be told apart: the card's own author line instead.
          const authors = authorsToShow(hit.authorsHeadline, hit.authorCount, hit.authors.length);
          return {
            title: <HighlightedText headline={hit.titleHeadline} />,
            authors: authors && <HighlightedAuthors shown={authors} />,
            summary: (
              <>
                {cuts.before && "… "}
                <HighlightedText headline={hit.abstractHeadline} />
                {cuts.after && " …"}
              </>
            ),
            extra: hit.listedOn && (
              <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
                On the daily list{" "}
                <a href={dayPath(hit.listedOn)} className="underline underline-offset-2">
                  {formatDay(hit.listedOn, "short")}
                </a>
              </p>
            ),
          };
        }}
      />
      {pages > 1 && (
        <Pager
          label="Search result pages"
          current={page.number}
          pages={pages}
          href={page.href}
          note={total > pages * page.size ? "(the best matches only: refine the search to reach the rest)" : undefined}
        />
      )}
    </>
  );
}
