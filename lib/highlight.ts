import { splitMath } from "./math-text";

// Search highlights come from PostgreSQL's ts_headline, which wraps each matched word in the
// StartSel/StopSel strings we give it. Its output is database text, so it is never treated as HTML:
// we ask for two control characters as markers (db/queries/search.ts removes them from the source
// text first, so each one in the output is ours), split on them here, and React renders every
// segment as escaped text, with <mark> around the matches.

export const MARK_START = "\u0002";
export const MARK_STOP = "\u0003";

/** Options for ts_headline; values are quoted because the markers and delimiters are not words. */
export function headlineOptions(extra: Record<string, string | number | boolean>): string {
  const options = { StartSel: MARK_START, StopSel: MARK_STOP, ...extra };
  return Object.entries(options)
    .map(([key, value]) => `${key}="${String(value).replaceAll('"', "")}"`)
    .join(", ");
}

export type HighlightSegment =
  | { kind: "text"; value: string; marked: boolean }
  | { kind: "math"; value: string; display: boolean };

/**
 * Splits a headline into prose runs (marked or not) and TeX math. Math is rendered whole and
 * unmarked: a <mark> inside KaTeX's output would break it, and the prose around it is enough.
 */
export function splitHighlighted(headline: string): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let marked = false;
  const push = (value: string) => {
    if (!value) return;
    const last = segments.at(-1);
    if (last?.kind === "text" && last.marked === marked) last.value += value;
    else segments.push({ kind: "text", value, marked });
  };
  for (const part of splitMath(headline)) {
    if (part.kind === "math") {
      // A marker inside math still opens or closes a match for the prose that follows.
      for (const char of part.value) if (char === MARK_START || char === MARK_STOP) marked = char === MARK_START;
      const value = stripMarkers(part.value).trim();
      if (value) segments.push({ kind: "math", value, display: part.display });
      continue;
    }
    let run = "";
    for (const char of part.value) {
      if (char === MARK_START || char === MARK_STOP) {
        push(run);
        run = "";
        marked = char === MARK_START;
      } else {
        run += char;
      }
    }
    push(run);
  }
  return segments;
}

export function stripMarkers(text: string): string {
  return text.replaceAll(MARK_START, "").replaceAll(MARK_STOP, "");
}

/**
 * Whether an abstract snippet starts after the abstract's beginning or stops before its end, so
 * the page can show an ellipsis there. Trailing punctuation is ignored: ts_headline ends on a word.
 */
export function snippetCuts(abstract: string, snippet: string): { before: boolean; after: boolean } {
  const plain = stripMarkers(snippet).trim();
  const text = abstract.trim();
  const core = (s: string) => s.replace(/[\s\p{P}]+$/u, "");
  return {
    before: !text.startsWith(plain.slice(0, 40)),
    after: !core(text).endsWith(core(plain).slice(-40)),
  };
}

export type ShownAuthor = { headline: string; /** Authors were left out before this one. */ afterGap: boolean };

/**
 * Which authors a search result's card names: the first `first`, as every card does, then any
 * later author the search matched, so a reader who searched for a name sees it. Null when the
 * headline does not split into `authorCount` names (a name with ", " in it): the card then shows
 * its plain author line.
 */
export function authorsToShow(headline: string, authorCount: number, first: number): { authors: ShownAuthor[]; more: number } | null {
  const names = headline.split(", ");
  if (!headline || names.length !== authorCount) return null;
  const authors: ShownAuthor[] = [];
  let previous = -1;
  names.forEach((name, index) => {
    if (index >= first && !name.includes(MARK_START)) return;
    authors.push({ headline: name, afterGap: index > previous + 1 });
    previous = index;
  });
  return { authors, more: authorCount - authors.length };
}
