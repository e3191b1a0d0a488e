"use client";

import { useOptimistic, useState, useTransition } from "react";
import { voteCommentAction } from "@/app/(site)/papers/[...id]/actions";
import type { ErrorPayload } from "@/lib/errors";

type VoteState = { upvoted: boolean; count: number };

/**
 * Upvote a comment or take the upvote back: the button changes at once, settles on the server's
 * count when it answers, and returns to where it was if the server refuses.
 */
export function useCommentVote(commentId: number, initial: VoteState) {
  const [confirmed, setConfirmed] = useState(initial);
  const [shown, setShown] = useOptimistic(confirmed);
  const [error, setError] = useState<ErrorPayload | null>(null);
  const [, startTransition] = useTransition();

  function toggle() {
    const upvoted = !shown.upvoted;
    startTransition(async () => {
      setShown({ upvoted, count: Math.max(0, shown.count + (upvoted ? 1 : -1)) });
      const result = await voteCommentAction({ commentId, upvoted });
      if (result.ok) {
        setError(null);
        setConfirmed({ upvoted: result.data.upvoted, count: result.data.upvoteCount });
      } else {
        setError(result.error);
      }
    });
  }

  return { ...shown, error, toggle };
}
