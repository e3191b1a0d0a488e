"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useReaderVotes } from "./reader-votes";
import { paperCountKey, useUpvote, VoteError } from "./use-upvote";

export function UpvoteButton({ paperId, count, size = "small" }: { paperId: string; count: number; size?: "small" | "large" }) {
  const router = useRouter();
  const pathname = usePathname();
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
  const signIn = () => router.push(`/signin?callbackUrl=${encodeURIComponent(pathname)}`);

  function onClick() {
    // No shortcut on a cached "signed out": the reader may have signed in since. The server's
    // 401 is the authority, and costs one request.
    upvote.mutate(!upvoted, {
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
        aria-label={`${upvoted ? "Remove your upvote" : "Upvote"} (${shownCount} ${shownCount === 1 ? "upvote" : "upvotes"})`}
        className={`flex flex-col items-center rounded-md border font-semibold tabular-nums transition-colors ${
          size === "large" ? "min-w-14 px-3 py-1.5 text-base" : "min-w-10 px-2 py-1 text-sm"
        } ${
          upvoted
            ? "border-accent-600 bg-accent-600 text-white dark:border-accent-300 dark:bg-accent-300 dark:text-zinc-950"
            : "border-zinc-300 hover:border-accent-600 hover:text-accent-700 dark:border-zinc-700 dark:hover:border-accent-300 dark:hover:text-accent-300"
        }`}
      >
        <span aria-hidden="true" className="text-xs leading-none">
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
