// Styled by .comment-prose (app/globals.css): the rendered Markdown carries no classes of its own.
// One class name rather than Tailwind's ~1,900 characters of arbitrary variants, because it is
// repeated for every comment: most of a long discussion's bytes.

/**
 * A comment's Markdown and math, as rendered and sanitised on the server by lib/markdown.ts
 * `renderCommentHtml` (server-only): nothing else is ever passed here. No directive, so the
 * discussion (a client component) and the profile (a server one) both draw it; the Markdown
 * libraries stay on the server either way. The page carries each body twice, in its HTML and as
 * a string in its RSC payload, which is half what an element there cost.
 */
export function CommentBody({ html }: { html: string }) {
  return <div className="comment-prose" dangerouslySetInnerHTML={{ __html: html }} />;
}
