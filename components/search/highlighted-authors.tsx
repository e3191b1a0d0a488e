import { Fragment } from "react";
import type { authorsToShow } from "@/lib/highlight";
import { MoreAuthors } from "../paper-card";
import { HighlightedText } from "./highlighted-text";

/**
 * A search result's author line, as lib/highlight.ts's authorsToShow chose it: the authors every
 * card names, with the searched words marked, and any later author the search matched after them
 * ("Ada Lovelace, Alan Turing, … Grace Hopper +4").
 */
export function HighlightedAuthors({ shown }: { shown: NonNullable<ReturnType<typeof authorsToShow>> }) {
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
