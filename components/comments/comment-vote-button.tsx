"use client";

import clsx from "clsx";
import { useCommentVote } from "./use-comment-vote";

const upvotes = (count: number) => `${count} ${count === 1 ? "upvote" : "upvotes"}`;

export function CommentVoteButton({ commentId, authorName, upvoted, count }: { commentId: number; authorName: string; upvoted: boolean; count: number }) {
  const vote = useCommentVote(commentId, { upvoted, count });
  return (
    <>
      <button
        type="button"
        onClick={vote.toggle}
        aria-pressed={vote.upvoted}
        aria-label={`${vote.upvoted ? "Remove your upvote from" : "Upvote"} ${authorName}'s comment (${upvotes(vote.count)})`}
        className={clsx(
          "comment-vote inline-flex items-center gap-1 rounded-md border px-2 py-0.5 font-semibold tabular-nums transition-colors",
          vote.upvoted
            ? "border-accent-600 bg-accent-600 text-white dark:border-accent-300 dark:bg-accent-300 dark:text-zinc-950"
            : "border-zinc-300 hover:border-accent-600 hover:text-accent-700 dark:border-zinc-700 dark:hover:border-accent-300 dark:hover:text-accent-300",
        )}
      >
        <span data-testid="comment-upvote-count">{vote.count}</span>
      </button>
      {vote.error && (
        <p role="alert" className="basis-full text-xs text-red-700 dark:text-red-400">
          {vote.error.message}
        </p>
      )}
    </>
  );
}

/** What readers who cannot vote see: the count alone (its arrow is drawn by CSS, .comment-score). */
export function CommentVoteCount({ count }: { count: number }) {
  return (
    <span className="comment-score">
      {count}
      <span className="sr-only">{count === 1 ? " upvote" : " upvotes"}</span>
    </span>
  );
}
