import Link from "next/link";
import type { SearchResult } from "@/db/queries/search";
import { formatDay } from "@/lib/dates";
import { snippetCuts } from "@/lib/highlight";
import { dayPath } from "@/lib/paths";
import { PaperList } from "../paper-list";
import { HighlightedText } from "./highlighted-text";
import { SearchHelp } from "./search-help";

/** Ranked results with the matches highlighted, or what to try when there are none. */
export function SearchResults({ q, result, filtered }: { q: string; result: SearchResult; filtered: boolean }) {
  const { hits, total } = result;
  return (
    <>
      <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
        {total === 0
          ? `No papers match “${q}”${filtered ? " with these filters" : ""}.`
          : `${total} ${total === 1 ? "paper matches" : "papers match"} “${q}”${hits.length < total ? `; showing the best ${hits.length}` : ""}.`}
      </p>
      <PaperList
        papers={hits}
        label="Search results, best match first"
        empty={
          <div className="flex flex-col gap-3 text-left">
            <p className="font-medium text-zinc-800 dark:text-zinc-200">
              {result.onlyStopWords
                ? `“${q}” has only very common words, which search ignores. Add a more specific word.`
                : filtered
                  ? "Nothing found. Try fewer words, or widen the dates or clear the filters."
                  : "Nothing found. Try fewer or different words, or check the spelling."}
            </p>
            <SearchHelp />
          </div>
        }
        slots={(hit) => {
          const cuts = snippetCuts(hit.abstract, hit.abstractHeadline);
          return {
            title: <HighlightedText headline={hit.titleHeadline} />,
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
                <Link href={dayPath(hit.listedOn)} className="underline underline-offset-2">
                  {formatDay(hit.listedOn, "short")}
                </Link>
              </p>
            ),
          };
        }}
      />
    </>
  );
}
