"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { signInAddress } from "@/lib/sign-in-address";
import { useReaderVotes } from "./reader-votes";
import { paperCountKey, useUpvote, VoteError } from "./use-upvote";

/** `describedBy`: the id of the paper's title, so a list's buttons say which paper they vote for. */
export function UpvoteButton({ paperId, count, size = "small", describedBy }: { paperId: string; count: number; size?: "small" | "large"; describedBy?: string }) {
  const router = useRouter();
  const { votes } = useReaderVotes();
  const upvote = useUpvote(paperId);
  // Seeded with the count the page was rendered with; the vote response keeps it current.
  const { data: shownCount = count } = useQuery({
    queryKey: paperCountKey(paperId),
    queryFn: () => count,
    initialData: count,
    staleTime: Infinity,
  });
  const upvoted = votes?.upvoted.includes(paperId) ?? false;

  // Signed-out readers go to sign-in and come back to this page afterwards.
  const signIn = () => router.push(signInAddress(window.location.pathname, window.location.search));

  function onClick() {
    // No shortcut on a cached "signed out": the reader may have signed in since. The server's
    // 401 is the authority, and costs one request.
    upvote.mutate(!upvote.isUpvotedNow(upvoted), {
      onError: (error) => {
        if (error instanceof VoteError && error.status === 401) signIn();
      },
    });
  }

  const error = upvote.error instanceof VoteError ? upvote.error : upvote.error ? new VoteError("Your vote could not be saved.", 0, null) : null;

  return (
    <div className="flex flex-col items-center">
      <button
        type="button"
        onClick={onClick}
        aria-pressed={upvoted}
        aria-describedby={describedBy}
        aria-label={`${upvoted ? "Remove your upvote" : "Upvote"} (${shownCount} ${shownCount === 1 ? "upvote" : "upvotes"})`}
        // Styled by .upvote (app/globals.css), pressed or not by aria-pressed: every card repeats it.
        className={size === "large" ? "upvote upvote-large" : "upvote"}
      >
        <span aria-hidden="true" className="upvote-arrow">
          ▲
        </span>
        <span data-testid="upvote-count">{shownCount}</span>
      </button>
      {error && error.status !== 401 && (
        <p role="alert" className="mt-1 w-28 text-center text-xs text-red-700 dark:text-red-400">
          {error.message}
          {error.retryAfterSeconds ? ` Try again in ${error.retryAfterSeconds} s.` : ""}
        </p>
      )}
    </div>
  );
}
