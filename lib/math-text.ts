// Splits plain text (titles, abstracts) into prose and TeX math, the way arXiv authors write it:
// $...$ inline, $$...$$ display, \$ a literal dollar. Unclosed delimiters stay prose.
// Comments use a full Markdown pipeline instead; abstracts are not Markdown. The prose's TeX
// accents (Schr\"odinger) become the letters they stand for (lib/tex-accents.ts).

import { texAccentsToUnicode } from "./tex-accents";

export type MathSegment = { kind: "text"; value: string } | { kind: "math"; value: string; display: boolean };

export function splitMath(input: string): MathSegment[] {
  const segments: MathSegment[] = [];
  let text = "";
  let i = 0;
  while (i < input.length) {
    if (input[i] === "\\" && input[i + 1] === "$") {
      text += "$";
      i += 2;
      continue;
    }
    if (input[i] === "$") {
      const display = input[i + 1] === "$";
      const delimiter = display ? "$$" : "$";
      const close = findClosing(input, i + delimiter.length, delimiter);
      const body = close === -1 ? "" : input.slice(i + delimiter.length, close);
      if (close !== -1 && body.trim() !== "") {
        if (text) segments.push({ kind: "text", value: texAccentsToUnicode(text) });
        text = "";
        segments.push({ kind: "math", value: body.trim(), display });
        i = close + delimiter.length;
        continue;
      }
    }
    text += input[i];
    i += 1;
  }
  if (text) segments.push({ kind: "text", value: texAccentsToUnicode(text) });
  return segments;
}

/**
 * The text for a reader of plain text (a feed's titles and summaries): the prose's accents as
 * letters, the math as the TeX it was written in, between its dollars.
 */
export function mathTextAsPlain(input: string): string {
  return splitMath(input)
    .map((segment) => (segment.kind === "text" ? segment.value : segment.display ? `$$${segment.value}$$` : `$${segment.value}$`))
    .join("");
}

function findClosing(input: string, from: number, delimiter: string): number {
  for (let j = from; j < input.length; j++) {
    if (input[j] === "\\") {
      j += 1; // skip escaped characters such as \$ inside math
      continue;
    }
    if (input.startsWith(delimiter, j)) return j;
  }
  return -1;
}
