import type { KatexOptions } from "katex";

// The KaTeX options of every renderer here (comments, paper titles and abstracts, feeds):
// - `trust: false`: no \href, \url, \includegraphics or \htmlClass, so KaTeX emits no links or raw
//   HTML, only markup it builds from escaped TeX;
// - `maxSize`: a formula cannot ask for giant glyphs or rules (KaTeX's default has no limit);
// - `strict: "ignore"`: TeX that KaTeX renders but LaTeX would not is drawn, not logged to the
//   server's console once per render;
// - `maxExpand`: how many macro expansions one formula may take, so a recursive macro cannot run
//   without end. It differs by who writes the text (below).
// Each renderer adds its output format (HTML and MathML on pages, MathML alone in feeds) and,
// for KaTeX called directly, `throwOnError: false`.
const SAFETY = { trust: false, strict: "ignore", maxSize: 20 } as const;

/**
 * A paper's title and abstract, written by its authors on arXiv (or corrected by an admin):
 * KaTeX's own expansion limit, 1,000, so a long derivation renders (at 200, 26 `\implies` in one
 * formula did not).
 */
export const PAPER_TEXT_KATEX = { ...SAFETY, maxExpand: 1000 } as const satisfies KatexOptions;

/**
 * A comment, which anyone signed in can post: a fifth of that. A 10,000-character comment made
 * of macro bombs then renders in ~0.1 s instead of ~0.3 s (measured with katex.renderToString).
 */
export const COMMENT_KATEX = { ...SAFETY, maxExpand: 200 } as const satisfies KatexOptions;
