import { renderMarkdown } from "@/lib/markdown";

// Comment Markdown carries no classes of its own (the sanitiser strips them), so the styles reach
// into the rendered elements. Headings stay small: a comment is not a document.
const PROSE = [
  "min-w-0 break-words leading-relaxed",
  "[&>*:first-child]:mt-0 [&>*:last-child]:mb-0",
  "[&_p]:my-2 [&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6",
  "[&_:is(h1,h2,h3,h4,h5,h6)]:mt-3 [&_:is(h1,h2,h3,h4,h5,h6)]:mb-1 [&_:is(h1,h2,h3,h4,h5,h6)]:font-semibold",
  "[&_a]:text-accent-700 [&_a]:underline [&_a]:underline-offset-2 dark:[&_a]:text-accent-300",
  "[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-zinc-300 [&_blockquote]:pl-3 [&_blockquote]:text-zinc-700",
  "dark:[&_blockquote]:border-zinc-700 dark:[&_blockquote]:text-zinc-300",
  "[&_code]:rounded [&_code]:bg-zinc-100 [&_code]:px-1 [&_code]:py-0.5 [&_code]:text-[0.875em] dark:[&_code]:bg-zinc-800",
  "[&_pre]:my-2 [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-zinc-100 [&_pre]:p-3 dark:[&_pre]:bg-zinc-900",
  "[&_pre_code]:bg-transparent [&_pre_code]:p-0",
  "[&_table]:my-2 [&_table]:block [&_table]:overflow-x-auto [&_:is(th,td)]:border [&_:is(th,td)]:border-zinc-300 [&_:is(th,td)]:px-2 [&_:is(th,td)]:py-1",
  "dark:[&_:is(th,td)]:border-zinc-700 [&_img]:max-w-full [&_hr]:my-3 [&_hr]:border-zinc-200 dark:[&_hr]:border-zinc-800",
].join(" ");

/** A comment's Markdown and math. renderMarkdown sanitises it; nothing else is ever inserted as HTML. */
export function CommentBody({ source }: { source: string }) {
  return <div data-comment-body="" className={PROSE} dangerouslySetInnerHTML={{ __html: renderMarkdown(source) }} />;
}
