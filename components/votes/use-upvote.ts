"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ME_KEY, paperCountKey, type Me } from "@/components/use-me";

export type VoteResponse = { upvoted: boolean; upvoteCount: number };

export class VoteError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryAfterSeconds: number | null,
  ) {
    super(message);
  }
}

export { paperCountKey };

async function sendVote(paperId: string, upvoted: boolean): Promise<VoteResponse> {
  const response = await fetch("/api/votes/papers", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ paperId, upvoted }),
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after")) || null;
    throw new VoteError(body?.error?.message ?? "Your vote could not be saved.", response.status, retryAfter);
  }
  return body as VoteResponse;
}

/**
 * Upvote or take back an upvote, updating the button at once and rolling back if the server
 * refuses. The count and the reader's own state live in the query cache, so every button for the
 * same paper on the page agrees.
 */
export function useUpvote(paperId: string) {
  const queryClient = useQueryClient();
  const countKey = paperCountKey(paperId);

  // Only the reader's own upvotes change; who they are stays. Before /api/me has answered (or
  // when its fetch was cancelled) there is nothing to change: the server's answer will say.
  const setUpvoted = (upvoted: boolean) =>
    queryClient.setQueryData<Me>(ME_KEY, (me) => {
      if (!me) return me;
      const mine = me.votes?.upvoted ?? [];
      return {
        ...me,
        votes: { counts: me.votes?.counts ?? {}, upvoted: upvoted ? [...new Set([...mine, paperId])] : mine.filter((id) => id !== paperId) },
      };
    });

  const mutation = useMutation({
    // One paper's votes go to the server one after another: a double click's "upvote" and "take
    // it back", sent at once, could arrive in either order and leave the vote on while the button
    // showed it off.
    scope: { id: `paper-vote:${paperId}` },
    mutationFn: (upvoted: boolean) => sendVote(paperId, upvoted),
    onMutate: async (upvoted) => {
      // An answer in flight was asked before this vote and would undo it on arrival: cancel it,
      // and ask again once the vote is settled (onSettled).
      const interrupted = queryClient.isFetching({ queryKey: ME_KEY }) > 0;
      await queryClient.cancelQueries({ queryKey: ME_KEY });
      const previousMe = queryClient.getQueryData<Me>(ME_KEY);
      const previousCount = queryClient.getQueryData<number>(countKey);
      // A vote that changes nothing (the same click twice before the page caught up) moves no count.
      const already = previousMe?.votes ? previousMe.votes.upvoted.includes(paperId) === upvoted : false;
      setUpvoted(upvoted);
      if (!already) queryClient.setQueryData<number>(countKey, (count) => Math.max(0, (count ?? 0) + (upvoted ? 1 : -1)));
      return { previousMe, previousCount, interrupted };
    },
    onError: (_error, upvoted, context) => {
      if (!context) return;
      if (context.previousMe) queryClient.setQueryData(ME_KEY, context.previousMe);
      else setUpvoted(!upvoted);
      queryClient.setQueryData(countKey, context.previousCount);
    },
    onSuccess: (result) => {
      // The server's answer is the truth, including other readers' votes since the page was rendered.
      setUpvoted(result.upvoted);
      queryClient.setQueryData<number>(countKey, result.upvoteCount);
    },
    onSettled: (_result, _error, _upvoted, context) => {
      if (context?.interrupted) void queryClient.invalidateQueries({ queryKey: ME_KEY });
    },
  });

  // The reader's state as of now, not as of the last render: a second click can come before the
  // page has re-rendered the first, and must toggle from what the first click did.
  const isUpvotedNow = (rendered: boolean) => {
    const me = queryClient.getQueryData<Me>(ME_KEY);
    return me?.votes ? me.votes.upvoted.includes(paperId) : rendered;
  };

  return { ...mutation, isUpvotedNow };
}
