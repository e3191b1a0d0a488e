import { getPaperComments } from "@/db/queries/comments";
import { CommentBody } from "./comment-body";
import { DiscussionThread } from "./discussion-thread";

/**
 * A paper's threaded discussion. The comments and their Markdown are rendered here, on the server,
 * the same for every reader, so the paper page can be cached; who is reading, what they may do and
 * which comments they upvoted are filled in by the browser (discussion-thread.tsx).
 */
export async function Discussion({ paperId }: { paperId: string }) {
  const comments = await getPaperComments({ paperId });
  const bodies = Object.fromEntries(comments.flatMap((c) => (c.state === "live" && c.body !== null ? [[c.id, <CommentBody key={c.id} id={c.id} source={c.body} />]] : [])));
  const thread = comments.map(({ body: _source, ...comment }) => comment);
  return <DiscussionThread paperId={paperId} comments={thread} bodies={bodies} renderedAt={new Date()} />;
}
