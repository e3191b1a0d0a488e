import type { KatexOptions } from "katex";

/**
 * The KaTeX options every renderer here shares (comments, paper titles and abstracts, feeds), so
 * math typed by anyone renders under one set of limits:
 * - `trust: false`: no \href, \url, \includegraphics or \htmlClass, so KaTeX emits no links or raw
 *   HTML, only markup it builds from escaped TeX;
 * - `maxSize` and `maxExpand`: a formula cannot ask for giant glyphs or expand macros without end
 *   (KaTeX's own default for both is unlimited, or 1,000 expansions);
 * - `strict: "ignore"`: TeX KaTeX renders anyway but that LaTeX would not is drawn, not logged
 *   to the server's console once per render.
 * Each renderer adds its output format (HTML and MathML on pages; MathML alone in feeds) and, for
 * KaTeX called directly, `throwOnError: false`.
 */
export const KATEX_LIMITS = { trust: false, strict: "ignore", maxSize: 20, maxExpand: 200 } as const satisfies KatexOptions;
