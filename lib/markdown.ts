import "server-only";
import rehypeExternalLinks from "rehype-external-links";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeShiftHeading from "rehype-shift-heading";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { VFile } from "vfile";
import { COMMENT_KATEX } from "./katex-options";
import { markdownCostProblem } from "./markdown-limits";
import { remarkPandocDollars } from "./markdown-dollars";
import { rehypeImagesAsLinks, rehypeScopeAnchors, remarkRawHtmlAsText } from "./markdown-plugins";
import { renderedCommentsMemory } from "./rendered-comments";

// Comment bodies: Markdown (GFM) with $…$ and $$…$$ math, rendered on the server.
//
// Safety comes from the pipeline's order, not from our own filtering:
//  1. raw HTML written in the Markdown is turned into plain text before it becomes HTML (so a
//     comment that starts with a tag shows what was written instead of vanishing);
//  2. rehype-sanitize (GitHub's allow-list) removes anything else unsafe, including
//     javascript:, data: and other non-http(s)/mailto link targets;
//  3. only then does KaTeX turn the math nodes into its own markup, which it builds from
//     escaped TeX (trust off: no \href, \url or \htmlClass).

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Keep the classes remark-math puts on math nodes so rehype-katex can find them after sanitising.
  attributes: {
    ...defaultSchema.attributes,
    code: [...(defaultSchema.attributes?.code ?? []), ["className", /^language-./, "math-inline", "math-display"]],
    span: [...(defaultSchema.attributes?.span ?? []), ["className", "math-inline", "math-display"]],
    div: [...(defaultSchema.attributes?.div ?? []), ["className", "math-display"]],
  },
  // Ids pass through unprefixed here: the only ids left are footnotes' (raw HTML is shown as text),
  // and rehypeScopeAnchors gives them, and the links to them, one prefix per comment afterwards.
  // (Prefixing ids here, as by default, left footnote links pointing at ids that did not exist.)
  clobberPrefix: "",
};

type MathOutput = "htmlAndMathml" | "mathml";

function buildProcessor(mathOutput: MathOutput) {
  return unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkMath)
    .use(remarkPandocDollars)
    .use(remarkRawHtmlAsText)
    // The footnotes label as a paragraph, not remark's h2: a heading inside a comment broke the
    // page's outline (the discussion's comments sit under an h2 of their own).
    .use(remarkRehype, { clobberPrefix: "", footnoteLabelTagName: "p" })
    .use(rehypeSanitize, schema)
    // A comment sits under the page's h1 and the discussion's h2: its own "# Heading" becomes an
    // h3 ("##" an h4, and so on down to h6), so it cannot outrank the page it is on.
    .use(rehypeShiftHeading, { shift: 2 })
    .use(rehypeScopeAnchors)
    .use(rehypeImagesAsLinks)
    .use(rehypeExternalLinks, { rel: ["nofollow", "ugc", "noopener", "noreferrer"] })
    // TeX errors take their colour from the page (app/globals.css --tex-error: readable in light
    // and dark); feed readers, without it, get KaTeX's own red.
    .use(rehypeKatex, { ...COMMENT_KATEX, output: mathOutput, errorColor: "var(--tex-error, #cc0000)" })
    .use(rehypeStringify)
    .freeze();
}

// Pages carry KaTeX's stylesheet, so they get its HTML (and MathML for screen readers). Feed
// readers have no such stylesheet, and KaTeX's HTML unstyled reads every formula twice: feeds get
// MathML alone, which browsers and most readers draw natively.
const processors: Record<MathOutput, ReturnType<typeof buildProcessor>> = {
  htmlAndMathml: buildProcessor("htmlAndMathml"),
  mathml: buildProcessor("mathml"),
};

export type RenderOptions = {
  /** Prefixes every id and in-comment link (footnotes), unique per comment on a page. */
  anchorPrefix?: string;
  /** "mathml" for feeds (above). */
  mathOutput?: MathOutput;
  /** The page the comment is on, for feeds: `#…` links (footnotes) point there, not at the feed. */
  linkBase?: string;
};

/**
 * Renders a comment body to HTML that is safe to insert into the page. Markdown too costly to
 * render (lib/markdown-limits.ts; refused at posting, so only older comments can hold it), or that
 * the renderer fails on, is shown as the plain text written: one comment must never take down
 * its page, its author's profile or its feed.
 */
export function renderMarkdown(source: string, { anchorPrefix = "comment-", mathOutput = "htmlAndMathml", linkBase }: RenderOptions = {}): string {
  if (markdownCostProblem(source)) return plainTextHtml(source);
  try {
    return String(processors[mathOutput].processSync(new VFile({ value: source, data: { anchorPrefix, linkBase } })));
  } catch (error) {
    console.error("A comment could not be rendered as Markdown; showing its text.", error);
    return plainTextHtml(source);
  }
}

/** The text as written, escaped, in one paragraph (its line breaks kept by .comment-plain-text, app/globals.css). */
function plainTextHtml(source: string): string {
  return String(unified().use(rehypeStringify).stringify({ type: "root", children: [{ type: "element", tagName: "p", properties: { className: ["comment-plain-text"] }, children: [{ type: "text", value: source }] }] }));
}

/** The prefix for one comment's anchors: ids stay unique with many comments on one page. */
export function commentAnchorPrefix(commentId: number): string {
  return `comment-${commentId}-`;
}

const renderedComments = renderedCommentsMemory();

/**
 * A comment as its page and its author's profile show it (components/comments/comment-body.tsx),
 * remembered between renders (lib/rendered-comments.ts).
 */
export function renderCommentHtml(source: string, commentId: number): string {
  return renderedComments(commentId, source, (text) => renderMarkdown(text, { anchorPrefix: commentAnchorPrefix(commentId) }));
}

/**
 * A comment as feed readers get it: math as MathML alone (they have no KaTeX stylesheet), and its
 * footnote links pointing into `pageUrl` (a feed reader has no page to jump within).
 */
export function renderFeedComment(source: string, commentId: number, pageUrl: string): string {
  return renderMarkdown(source, { anchorPrefix: commentAnchorPrefix(commentId), mathOutput: "mathml", linkBase: pageUrl });
}
