"use client";

import { useEffect, useMemo, useState } from "react";
import { paperPath } from "@/lib/arxiv-id";
import { DISCUSSION_ANCHOR, DISCUSSION_HEADING_ID } from "@/lib/discussion-anchor";
import { buildThread, pruneRemovedLeaves, type CommentSort } from "@/lib/comment-tree";
import { parseCommentSort } from "@/lib/comment-sort";
import { unpackThread, type PackedThread } from "@/lib/packed-thread";
import { CommentBox } from "./comment-box";
import { CommentThread } from "./comment-thread";
import { SortSwitch } from "./sort-switch";
import { useCommentVotes, useViewer } from "./use-viewer";

/** More comments than this, and the thread offers a link past itself. */
const SKIPPABLE_COMMENTS = 10;
const AFTER_DISCUSSION_ID = "after-discussion";

type Props = {
  paperId: string;
  /** Every comment, with each live one's Markdown rendered on the server (lib/markdown.ts renderCommentHtml), packed for the page's payload. */
  thread: PackedThread;
  /** When the page was rendered: "3 hours ago" is counted from here, on the server and in the browser alike. */
  renderedAt: Date;
};

export function DiscussionThread({ paperId, thread: packed, renderedAt }: Props) {
  const { comments, bodies } = useMemo(() => unpackThread(packed), [packed]);
  const viewer = useViewer();
  const actor = viewer.status === "active" ? viewer.actor : null;
  const { upvoted, counts, sources, flagged } = useCommentVotes(paperId, actor !== null);
  const [sort, setSort] = useSortFromAddress();
  const thread = useMemo(() => pruneRemovedLeaves(buildThread(comments, sort), (c) => c.state === "deleted"), [comments, sort]);
  const liveCount = comments.filter((c) => c.state === "live").length;
  const signIn = `/signin?${new URLSearchParams({ callbackUrl: `${paperPath(paperId)}#${DISCUSSION_ANCHOR}` })}`;

  return (
    <section id={DISCUSSION_ANCHOR} aria-labelledby={DISCUSSION_HEADING_ID} className="flex flex-col gap-5 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={DISCUSSION_HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
          Discussion ({liveCount})
        </h2>
        {thread.length > 0 && <SortSwitch sort={sort} onChange={setSort} />}
      </div>
      {viewer.status === "loading" ? (
        // Holds the place of the comment box or the sign-in link until we know which it is.
        <p aria-hidden="true" className="h-5" />
      ) : viewer.status === "active" ? (
        <CommentBox paperId={paperId} isRemoved={(id) => comments.some((c) => c.id === id && c.state !== "live")} />
      ) : viewer.status === "suspended" ? (
        <p className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900">Your account is suspended, so you cannot comment or vote.</p>
      ) : (
        <p className="text-sm">
          <a href={signIn} className="font-medium text-accent-700 underline underline-offset-2 dark:text-accent-300">
            Sign in to join the discussion
          </a>
        </p>
      )}
      {thread.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No comments yet. Questions, errata and related work are all welcome.</p>
      ) : (
        <>
          {/* A long thread is hundreds of tab stops; keyboard users can step over it. */}
          {liveCount > SKIPPABLE_COMMENTS && (
            <a href={`#${AFTER_DISCUSSION_ID}`} className="sr-only text-sm font-medium focus:not-sr-only focus:self-start focus:rounded-md focus:bg-zinc-100 focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
              Skip the {liveCount} comments
            </a>
          )}
          <CommentThread nodes={thread} context={{ paperId, viewer: actor, upvoted, liveCounts: counts, sources, flagged, now: renderedAt, bodies }} />
          <span id={AFTER_DISCUSSION_ID} tabIndex={-1} />
        </>
      )}
    </section>
  );
}

/**
 * The order is the reader's choice, kept in the address (?sort=new) so it survives reloads and can
 * be shared. The cached page is always rendered "best" first; a shared "new" link re-sorts once
 * the page is running.
 */
function useSortFromAddress(): [CommentSort, (sort: CommentSort) => void] {
  const [sort, setSortState] = useState<CommentSort>("best");
  useEffect(() => {
    setSortState(parseCommentSort(new URLSearchParams(window.location.search).get("sort") ?? undefined));
  }, []);
  const setSort = (next: CommentSort) => {
    setSortState(next);
    const url = new URL(window.location.href);
    url.searchParams.set("sort", next);
    window.history.replaceState(window.history.state, "", url);
  };
  return [sort, setSort];
}
