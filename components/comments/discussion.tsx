import { getPaperComments } from "@/db/queries/comments";
import { renderCommentHtml } from "@/lib/markdown";
import { packThread } from "@/lib/packed-thread";
import { DiscussionThread } from "./discussion-thread";

/**
 * A paper's threaded discussion. The comments and their Markdown are rendered here, on the server,
 * the same for every reader, so the paper page can be cached; who is reading, what they may do and
 * which comments they upvoted are filled in by the browser (discussion-thread.tsx).
 */
export async function Discussion({ paperId }: { paperId: string }) {
  const comments = await getPaperComments({ paperId });
  // HTML strings, not elements: in the page's RSC payload an element costs each body ~140 bytes
  // of wrapping (the bench's 200-comment page: 378 kB with elements, 350 kB with strings).
  const bodies = Object.fromEntries(comments.flatMap((c) => (c.state === "live" && c.body !== null ? [[c.id, renderCommentHtml(c.body, c.id)]] : [])));
  const thread = comments.map(({ body: _source, ...comment }) => comment);
  return <DiscussionThread paperId={paperId} thread={packThread({ comments: thread, bodies })} renderedAt={new Date()} />;
}
