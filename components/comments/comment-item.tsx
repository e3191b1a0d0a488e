"use client";

import Link from "next/link";
import { Avatar } from "@/components/avatar";
import type { CommentRow } from "@/db/queries/comments";
import { canDeleteComment, canEditComment, canReplyTo, type Actor } from "@/lib/permissions";
import { formatMoment, timeAgo } from "@/lib/relative-time";
import { CommentControls } from "./comment-controls";

/**
 * What every comment of one page render shares. `viewer` is null for readers who cannot write
 * (or while we do not know yet); `bodies` holds each live comment's Markdown, rendered on the server.
 */
export type ThreadContext = {
  paperId: string;
  viewer: Actor | null;
  upvoted: Set<number>;
  /** Counts fresher than the cached page's, for readers who can vote. */
  liveCounts: Record<number, number>;
  now: Date;
  bodies: Record<number, React.ReactNode>;
};

const REMOVED = { deleted: "[deleted]", hidden: "[removed by a moderator]" } as const;

function Moment({ commentId, at, now }: { commentId: number; at: Date; now: Date }) {
  return (
    <a href={`#comment-${commentId}`} className="text-zinc-600 hover:underline dark:text-zinc-400">
      <time dateTime={at.toISOString()} title={formatMoment(at)}>
        {timeAgo(at, now)}
      </time>
    </a>
  );
}

export function CommentItem({ comment, context }: { comment: CommentRow; context: ThreadContext }) {
  const { id, author, body } = comment;
  if (comment.state !== "live" || !author || body === null) {
    // The place in the thread stays, so replies keep their context; the words and name do not.
    return (
      <article id={`comment-${id}`} aria-label={comment.state === "hidden" ? "Removed comment" : "Deleted comment"} className="flex flex-wrap gap-x-2 text-sm">
        <p className="italic text-zinc-500 dark:text-zinc-400">{REMOVED[comment.state === "hidden" ? "hidden" : "deleted"]}</p>
        <Moment commentId={id} at={comment.createdAt} now={context.now} />
      </article>
    );
  }

  const authorName = author.name ?? author.username ?? "A reader";
  const facts = { authorId: author.id, createdAt: comment.createdAt, deletedAt: null, hiddenAt: null };
  const { viewer, now } = context;
  const can = {
    vote: viewer !== null,
    reply: canReplyTo(viewer, facts),
    edit: canEditComment(viewer, facts, now),
    delete: canDeleteComment(viewer, facts),
  };

  return (
    <article id={`comment-${id}`} aria-label={`Comment by ${authorName}`} className="flex min-w-0 flex-col gap-1.5">
      <header className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-sm">
        <Avatar name={author.name} username={author.username} />
        {author.username ? (
          <Link href={`/u/${author.username}`} className="font-semibold hover:underline">
            {authorName}
          </Link>
        ) : (
          <span className="font-semibold">{authorName}</span>
        )}
        <Moment commentId={id} at={comment.createdAt} now={now} />
        {comment.editedAt && (
          <span className="text-zinc-500 dark:text-zinc-400" title={`Edited ${formatMoment(comment.editedAt)}`}>
            edited
          </span>
        )}
      </header>
      <CommentControls
        commentId={id}
        paperId={context.paperId}
        authorName={authorName}
        source={can.edit ? body : undefined}
        can={can}
        upvoted={context.upvoted.has(id)}
        upvoteCount={context.liveCounts[id] ?? comment.upvoteCount}
      >
        {context.bodies[id]}
      </CommentControls>
    </article>
  );
}
