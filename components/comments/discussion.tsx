import Link from "next/link";
import { getPaperComments } from "@/db/queries/comments";
import { getUpvotedCommentIds } from "@/db/queries/votes";
import { paperPath } from "@/lib/arxiv-id";
import { getCurrentUser } from "@/lib/auth/current-user";
import { isBanned } from "@/lib/auth/session-user";
import { buildThread, type CommentSort } from "@/lib/comment-tree";
import { CommentBox } from "./comment-box";
import { CommentThread } from "./comment-thread";
import { SortSwitch } from "./sort-switch";

/** A paper's threaded discussion, rendered on the server for whoever is reading. */
export async function Discussion({ paperId, sort }: { paperId: string; sort: CommentSort }) {
  const [comments, user] = await Promise.all([getPaperComments({ paperId }), getCurrentUser()]);
  const viewer = user && !isBanned(user) ? user : null;
  const upvoted = new Set(viewer ? await getUpvotedCommentIds({ userId: viewer.id, paperId }) : []);
  const thread = buildThread(comments, sort);
  const liveCount = comments.filter((c) => c.state === "live").length;
  const signIn = `/signin?${new URLSearchParams({ callbackUrl: `${paperPath(paperId)}#discussion` })}`;

  return (
    <section id="discussion" aria-labelledby="discussion-heading" className="flex flex-col gap-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="discussion-heading" className="text-lg font-semibold">
          Discussion ({liveCount})
        </h2>
        {thread.length > 0 && <SortSwitch paperId={paperId} sort={sort} />}
      </div>
      {viewer ? (
        <CommentBox paperId={paperId} />
      ) : user ? (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900">Your account is suspended, so you cannot comment or vote.</p>
      ) : (
        <p className="text-sm">
          <Link href={signIn} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
            Sign in to join the discussion
          </Link>
        </p>
      )}
      {thread.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No comments yet. Questions, errata and related work are all welcome.</p>
      ) : (
        <CommentThread nodes={thread} context={{ paperId, viewer, upvoted, now: new Date() }} />
      )}
    </section>
  );
}
