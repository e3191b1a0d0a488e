import katex from "katex";
import { PAPER_TEXT_KATEX } from "../katex-options";
import { splitMath } from "../math-text";
import { xmlFragment, xmlSafeText } from "./xml";

/**
 * An abstract (plain text with TeX math, as arXiv gives it) as HTML paragraphs for a feed: the
 * prose escaped by the XML builder, its TeX accents as letters (lib/tex-accents.ts), and its math
 * as MathML, which feed readers draw without a stylesheet, as in the comments feed (lib/markdown.ts).
 */
export function textToHtml(text: string): string {
  const paragraphs = xmlSafeText(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return `<div>${paragraphs.map((p) => `<p>${paragraphHtml(p)}</p>`).join("")}</div>`;
}

function paragraphHtml(paragraph: string): string {
  return splitMath(paragraph)
    .map((segment) =>
      segment.kind === "text"
        ? xmlFragment({ "#text": segment.value })
        : // KaTeX escapes its input and, with `trust` off (lib/katex-options.ts), emits no links or raw HTML.
          katex.renderToString(segment.value, { ...PAPER_TEXT_KATEX, displayMode: segment.display, output: "mathml", throwOnError: false }),
    )
    .join("");
}
