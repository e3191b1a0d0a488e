"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { paperCountKey, readerVotesKey, type ReaderVotes } from "./reader-votes";

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
export function useUpvote(paperId: string, paperIds: string[]) {
  const queryClient = useQueryClient();
  const votesKey = readerVotesKey(paperIds);
  const countKey = paperCountKey(paperId);

  // The reader's state may not have loaded yet (or its fetch was cancelled): start from nothing.
  const setUpvoted = (upvoted: boolean) =>
    queryClient.setQueryData<ReaderVotes>(votesKey, (votes = { signedIn: true, upvoted: [] }) => ({
      signedIn: true,
      upvoted: upvoted ? [...new Set([...votes.upvoted, paperId])] : votes.upvoted.filter((id) => id !== paperId),
    }));

  return useMutation({
    mutationFn: (upvoted: boolean) => sendVote(paperId, upvoted),
    onMutate: async (upvoted) => {
      await queryClient.cancelQueries({ queryKey: votesKey });
      const previousVotes = queryClient.getQueryData<ReaderVotes>(votesKey);
      const previousCount = queryClient.getQueryData<number>(countKey);
      setUpvoted(upvoted);
      queryClient.setQueryData<number>(countKey, (count) => Math.max(0, (count ?? 0) + (upvoted ? 1 : -1)));
      return { previousVotes, previousCount };
    },
    onError: (_error, upvoted, context) => {
      if (!context) return;
      if (context.previousVotes) queryClient.setQueryData(votesKey, context.previousVotes);
      else setUpvoted(!upvoted);
      queryClient.setQueryData(countKey, context.previousCount);
    },
    onSuccess: (result) => {
      // The server's answer is the truth, including other readers' votes since the page was rendered.
      setUpvoted(result.upvoted);
      queryClient.setQueryData<number>(countKey, result.upvoteCount);
    },
  });
}
