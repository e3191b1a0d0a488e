import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ThreadComment } from "@/db/queries/comments";
import { buildThread } from "@/lib/comment-tree";
import { CommentThread } from "./comment-thread";

// A cached paper page carries its whole discussion as HTML, so what each comment's markup costs
// is paid by every reader: the bench's 200-comment page was 296 kB, 263 kB once the per-comment
// classes moved into app/globals.css. This thread's markup (not its words) then went from 772 to
// 571 bytes a comment; the budget holds it near there.
const MARKUP_PER_COMMENT_BUDGET = 600;

const now = new Date("2026-11-30T12:00:00Z");
const author = (n: number) => ({ id: `user-${n}`, username: `reader_${n}`, name: `Reader ${n}`, image: null });

/** A chain of replies `depth` deep under each of `roots` comments, like the bench's deep threads. */
function discussion(roots: number, depth: number): { comments: ThreadComment[]; bodies: Record<number, string> } {
  const comments: ThreadComment[] = [];
  for (let r = 0; r < roots; r++) {
    for (let d = 0; d < depth; d++) {
      const id = r * depth + d + 1;
      comments.push({ id, parentId: d === 0 ? null : id - 1, depth: d, state: "live", upvoteCount: id % 3, createdAt: new Date(now.getTime() - id * 60_000), editedAt: null, author: author(id % 5) });
    }
  }
  return { comments, bodies: Object.fromEntries(comments.map((c) => [c.id, `<p>Comment number ${c.id}.</p>`])) };
}

function render({ comments, bodies }: ReturnType<typeof discussion>): string {
  const context = { paperId: "2401.00001", viewer: null, upvoted: new Set<number>(), liveCounts: {}, sources: {}, flagged: {}, now, bodies };
  const thread = createElement(CommentThread, { nodes: buildThread(comments, "best"), context });
  return renderToStaticMarkup(createElement(QueryClientProvider, { client: new QueryClient() }, thread));
}

describe("CommentThread as the cached page draws it (nobody signed in yet)", () => {
  const input = discussion(4, 8);
  const html = render(input);
  const count = input.comments.length;

  it(`spends at most ${MARKUP_PER_COMMENT_BUDGET} bytes of markup on each comment, beside its words`, () => {
    const words = Object.values(input.bodies).reduce((sum, body) => sum + body.length, 0);
    expect((html.length - words) / count).toBeLessThanOrEqual(MARKUP_PER_COMMENT_BUDGET);
    // What the stylesheet says once, the markup no longer says per comment.
    expect(html).not.toMatch(/<li class=|<header class=|data-comment-body|aria-hidden="true" class="comment-score-arrow"/);
    expect(html.match(/<span class="avatar" style="[^"]*" aria-hidden="true">/g)).toHaveLength(count);
  });

  it("still names each comment, links its author and moment, and says its count in words", () => {
    expect(html.match(/<article id="comment-\d+" aria-label="Comment by Reader \d"/g)).toHaveLength(count);
    expect(html.match(/<a href="\/u\/reader_\d" class="comment-author">/g)).toHaveLength(count);
    expect(html.match(/<a href="#comment-\d+" class="comment-moment"><time dateTime=/g)).toHaveLength(count);
    expect(html.match(/<span class="comment-score">\d<span class="sr-only"> upvotes?<\/span><\/span>/g)).toHaveLength(count);
    expect(html.match(/<div class="comment-prose"><p>Comment number \d+\.<\/p><\/div>/g)).toHaveLength(count);
  });

  it("nests replies in lists that step in, and steps in less past the fourth level", () => {
    expect(html.match(/<ol class="thread">/g)).toHaveLength(1);
    expect(html.match(/<ol class="replies">/g)).toHaveLength(4 * 4);
    expect(html.match(/<ol class="replies replies-deep">/g)).toHaveLength(4 * 3);
  });
});
