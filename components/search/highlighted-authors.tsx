import { Fragment } from "react";
import type { SearchHit } from "@/db/queries/search";
import { authorsToShow } from "@/lib/highlight";
import { MoreAuthors } from "../paper-card";
import { HighlightedText } from "./highlighted-text";

/**
 * A search result's author line: the authors every card names, with the searched words marked,
 * and any later author the search matched after them ("Ada Lovelace, Alan Turing, … Grace Hopper +4").
 */
export function HighlightedAuthors({ hit }: { hit: SearchHit }) {
  const shown = authorsToShow(hit.authorsHeadline, hit.authorCount, hit.authors.length);
  if (!shown) {
    const more = hit.authorCount - hit.authors.length;
    return (
      <>
        {hit.authors.join(", ")}
        {more > 0 && <MoreAuthors count={more} />}
      </>
    );
  }
  return (
    <>
      {shown.authors.map((author, index) => (
        <Fragment key={index}>
          {index > 0 && (author.afterGap ? ", … " : ", ")}
          <HighlightedText headline={author.headline} />
        </Fragment>
      ))}
      {shown.more > 0 && <MoreAuthors count={shown.more} />}
    </>
  );
}
