"use client";

import { Avatar } from "@/components/avatar";
import type { ThreadComment } from "@/db/queries/comments";
import type { FlagReason } from "@/lib/flag-reasons";
import { canDeleteComment, canEditComment, canFlagComment, canReplyTo, canVoteOnComment, type Actor } from "@/lib/permissions";
import { formatMoment, timeAgo } from "@/lib/relative-time";
import { CommentBody } from "./comment-body";
import { CommentControls } from "./comment-controls";

/**
 * What every comment of one page render shares. `viewer` is null for readers who cannot write
 * (or while we do not know yet); `bodies` holds each live comment's Markdown, rendered to HTML on the server.
 */
export type ThreadContext = {
  paperId: string;
  viewer: Actor | null;
  upvoted: Set<number>;
  /** Counts fresher than the cached page's, for readers who can vote. */
  liveCounts: Record<number, number>;
  /** The Markdown of the reader's own comments, for editing them (only the author gets it). */
  sources: Record<number, string>;
  /** The reader's own flags on others' comments, by reason. */
  flagged: Record<number, FlagReason>;
  now: Date;
  bodies: Record<number, string>;
};

const REMOVED = { deleted: "[deleted]", hidden: "[removed by a moderator]" } as const;

function Moment({ commentId, at, now }: { commentId: number; at: Date; now: Date }) {
  return (
    <a href={`#comment-${commentId}`} className="comment-moment">
      <time dateTime={at.toISOString()} title={formatMoment(at)}>
        {timeAgo(at, now)}
      </time>
    </a>
  );
}

export function CommentItem({ comment, context }: { comment: ThreadComment; context: ThreadContext }) {
  const { id, author } = comment;
  if (comment.state !== "live" || !author) {
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
    vote: canVoteOnComment(viewer, facts),
    reply: canReplyTo(viewer, facts),
    edit: canEditComment(viewer, facts, now),
    delete: canDeleteComment(viewer, facts),
    flag: canFlagComment(viewer, facts),
  };

  return (
    <article id={`comment-${id}`} aria-label={`Comment by ${authorName}`} className="comment">
      <header>
        <Avatar name={author.name} username={author.username} />
        {author.username ? (
          <a href={`/u/${author.username}`} className="comment-author">
            {authorName}
          </a>
        ) : (
          <span className="font-semibold wrap-anywhere">{authorName}</span>
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
        source={can.edit ? context.sources[id] : undefined}
        can={can}
        upvoted={context.upvoted.has(id)}
        upvoteCount={context.liveCounts[id] ?? comment.upvoteCount}
        flaggedAs={context.flagged[id]}
      >
        {context.bodies[id] !== undefined && <CommentBody html={context.bodies[id]} />}
      </CommentControls>
    </article>
  );
}
