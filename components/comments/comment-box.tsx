"use client";

import { useState } from "react";
import { addCommentAction } from "@/app/(site)/papers/[...id]/actions";
import { CommentForm } from "./comment-form";
import { useRefreshCommentVotes } from "./use-viewer";

/**
 * A new top-level comment; once posted, a link to where it landed in the thread (until the reader
 * deletes it: `isRemoved`, from the thread's own comments).
 */
export function CommentBox({ paperId, isRemoved }: { paperId: string; isRemoved: (commentId: number) => boolean }) {
  const [postedId, setPostedId] = useState<number | null>(null);
  const refreshCommentVotes = useRefreshCommentVotes(paperId);
  return (
    <div className="flex flex-col gap-2">
      <CommentForm
        id="new-comment"
        label="Add a comment"
        submitLabel="Post comment"
        pendingLabel="Posting…"
        fields={{ paperId }}
        submit={addCommentAction}
        onSuccess={({ id }) => {
          refreshCommentVotes(); // brings the new comment's source, for Edit
          setPostedId(id);
        }}
      />
      <p role="status" className="text-sm text-zinc-700 dark:text-zinc-300">
        {postedId !== null && !isRemoved(postedId) && (
          <>
            Your comment is posted.{" "}
            <a href={`#comment-${postedId}`} className="font-medium text-accent-700 underline dark:text-accent-300">
              Show it
            </a>
          </>
        )}
      </p>
    </div>
  );
}
