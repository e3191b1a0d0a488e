import rehypeExternalLinks from "rehype-external-links";
import rehypeKatex from "rehype-katex";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

// Comment bodies: Markdown (GFM) with $…$ and $$…$$ math, rendered on the server.
//
// Safety comes from the pipeline's order, not from our own filtering:
//  1. remark-rehype drops raw HTML written in the Markdown (allowDangerousHtml is off);
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
  // No "user-content-" prefixes: comment anchors are not needed, and clobbering is moot without ids.
  clobberPrefix: "comment-",
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeExternalLinks, { rel: ["nofollow", "ugc", "noopener", "noreferrer"] })
  .use(rehypeKatex, { strict: "ignore", trust: false, maxSize: 20, maxExpand: 200 })
  .use(rehypeStringify)
  .freeze();

/** Renders a comment body to HTML that is safe to insert into the page. */
export function renderMarkdown(source: string): string {
  return String(processor.processSync(source));
}
