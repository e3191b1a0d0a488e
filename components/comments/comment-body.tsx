import { commentAnchorPrefix, renderMarkdown } from "@/lib/markdown";

// Styled by .comment-prose (app/globals.css): the rendered Markdown carries no classes of its own.
// One class name rather than Tailwind's ~1,900 characters of arbitrary variants, because it is
// repeated for every comment, twice (HTML and the page's RSC payload): most of a long discussion's bytes.

/** A comment's Markdown and math. renderMarkdown sanitises it; nothing else is ever inserted as HTML. */
export function CommentBody({ id, source }: { id: number; source: string }) {
  const html = renderMarkdown(source, { anchorPrefix: commentAnchorPrefix(id) });
  return <div data-comment-body="" className="comment-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
