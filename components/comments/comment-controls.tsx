"use client";

import clsx from "clsx";
import { useRef, useState } from "react";
import { addCommentAction, editCommentAction } from "@/app/(site)/papers/[...id]/actions";
import { CommentForm } from "./comment-form";
import { CommentVoteButton, CommentVoteCount } from "./comment-vote-button";
import { DeleteComment } from "./delete-comment";
import { FlagComment } from "./flag-comment";
import { useRefreshCommentVotes } from "./use-viewer";
import type { FlagReason } from "@/lib/flag-reasons";

export type CommentPermissions = { vote: boolean; reply: boolean; edit: boolean; delete: boolean; flag: boolean };

type Mode = "reading" | "replying" | "editing" | "deleting" | "flagging";

type Props = {
  commentId: number;
  paperId: string;
  authorName: string;
  /** The Markdown source, sent only to the author while they may still edit it. */
  source?: string;
  can: CommentPermissions;
  upvoted: boolean;
  upvoteCount: number;
  /** The reason of the reader's own flag on this comment, if they flagged it. */
  flaggedAs?: FlagReason;
  /** The rendered body, shown except while editing. */
  children: React.ReactNode;
};

/**
 * What a reader can do with one comment. The buttons follow the server's permissions only as a
 * courtesy: every action checks again when it runs.
 */
export function CommentControls({ commentId, paperId, authorName, source, can, upvoted, upvoteCount, flaggedAs, children }: Props) {
  const [mode, setMode] = useState<Mode>("reading");
  const refreshCommentVotes = useRefreshCommentVotes(paperId);
  const toggles = useRef<Partial<Record<Mode, HTMLButtonElement | null>>>({});

  // Back to reading, with focus on the button that opened the form, so keyboard users stay put.
  const close = (from: Mode) => {
    setMode("reading");
    toggles.current[from]?.focus();
  };
  // A reply or an edit was saved: the reader's own sources (for Edit) and counts are asked again.
  const saved = (from: Mode) => {
    refreshCommentVotes();
    close(from);
  };
  const toggle = (to: Mode) => (mode === to ? close(to) : setMode(to));

  const toggleButton = (to: Mode, label: string) => (
    <button
      type="button"
      ref={(element) => {
        toggles.current[to] = element;
      }}
      aria-expanded={mode === to}
      onClick={() => toggle(to)}
      className={clsx(
        "rounded-md px-2 py-0.5 font-medium text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100",
        mode === to && "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100",
      )}
    >
      {label}
    </button>
  );

  return (
    <>
      {mode === "editing" && source !== undefined ? (
        <CommentForm
          id={`edit-${commentId}`}
          label="Edit your comment"
          submitLabel="Save"
          pendingLabel="Saving…"
          fields={{ commentId }}
          initialBody={source}
          basedOn={source}
          // Changed in another tab meanwhile: ask for the newer words, which the form then shows.
          onRefused={(error) => error.code === "conflict" && refreshCommentVotes()}
          submit={editCommentAction}
          onSuccess={() => saved("editing")}
          onCancel={() => close("editing")}
          autoFocus
        />
      ) : (
        children
      )}
      <div className="comment-actions">
        {can.vote ? (
          // Keyed on the server's numbers, so a fresh render of the page resets the button to them.
          <CommentVoteButton key={`${upvoted}:${upvoteCount}`} commentId={commentId} authorName={authorName} upvoted={upvoted} count={upvoteCount} />
        ) : (
          <CommentVoteCount count={upvoteCount} />
        )}
        {can.reply && toggleButton("replying", "Reply")}
        {can.edit && source !== undefined && toggleButton("editing", "Edit")}
        {can.delete && toggleButton("deleting", "Delete")}
        {can.flag && toggleButton("flagging", flaggedAs ? "Flagged" : "Flag")}
      </div>
      {mode === "replying" && (
        <CommentForm
          id={`reply-${commentId}`}
          label={`Reply to ${authorName}`}
          submitLabel="Post reply"
          pendingLabel="Posting…"
          fields={{ paperId, parentId: commentId }}
          submit={addCommentAction}
          onSuccess={() => saved("replying")}
          onCancel={() => close("replying")}
          autoFocus
        />
      )}
      {mode === "deleting" && <DeleteComment commentId={commentId} onCancel={() => close("deleting")} />}
      {mode === "flagging" && (
        <FlagComment commentId={commentId} authorName={authorName} current={flaggedAs} onChanged={refreshCommentVotes} onCancel={() => close("flagging")} />
      )}
    </>
  );
}
