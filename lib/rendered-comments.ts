import { LRUCache } from "lru-cache";

// The paper page is rendered again every few seconds while people read it (lib/cached-pages.ts),
// and Markdown was most of that render: the bench's 200 comments took 80–120 ms of one core, a
// pause that every request arriving meanwhile waited out (the page's p99). A comment's HTML
// depends only on its text and its ID, so it is kept and made again only when the text changes
// (an edit). The renderer is deterministic, so a comment it could only show as plain text
// (lib/markdown.ts) stays so until edited, as it would have on every render. Bounded by characters
// kept (up to two bytes each in memory), so a few long comments cannot grow it without limit.
const MAX_CHARACTERS = 16_000_000;

type Rendered = { source: string; html: string };

export type RenderedComments = (commentId: number, source: string, render: (source: string) => string) => string;

/** A memory of rendered comments, checked against the text each time (an edit renders afresh). */
export function renderedCommentsMemory({ maxCharacters = MAX_CHARACTERS }: { maxCharacters?: number } = {}): RenderedComments {
  const memory = new LRUCache<number, Rendered>({ maxSize: maxCharacters, sizeCalculation: ({ source, html }) => source.length + html.length || 1 });
  return (commentId, source, render) => {
    const known = memory.get(commentId);
    if (known?.source === source) return known.html;
    const html = render(source);
    memory.set(commentId, { source, html });
    return html;
  };
}
