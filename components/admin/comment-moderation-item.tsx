import { dismissFlagsAction, hideCommentAction, unhideCommentAction } from "@/app/admin/actions";
import { AdminForm, HiddenField } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { paperPath } from "@/lib/arxiv-id";
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from "@/lib/flag-reasons";
import { countOf } from "@/lib/plural";

export type ModeratedComment = {
  id: number;
  paperId: string;
  body: string;
  createdAt: Date;
  author: string | null;
  hiddenAt?: Date | null;
  hiddenReason?: string | null;
  deletedAt?: Date | null;
  flags?: { count: number; reasons: Partial<Record<FlagReason, number>> };
};

/**
 * One comment on /admin/comments: who wrote it where, its source, readers' flags, and what an
 * admin can do. `focusAfter`: where focus goes after an action, when the item itself stays (the
 * default) or leaves the list (the flagged view, which a hidden comment leaves).
 */
export function CommentModerationItem({ comment, focusAfter }: { comment: ModeratedComment; focusAfter?: string }) {
  const headingId = `admin-comment-${comment.id}`;
  const afterAction = focusAfter ?? headingId;
  // A deletion erased the words, unless a moderator had hidden them first.
  const showSource = !comment.deletedAt || Boolean(comment.hiddenAt);
  return (
    <li className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      {/* Names the comment for the buttons below, and takes focus back when a form is replaced. */}
      <p id={headingId} tabIndex={-1} className="text-sm text-zinc-600 outline-offset-2 dark:text-zinc-400">
        <span className="sr-only">Comment {comment.id} by </span>
        {comment.author ?? "a deleted account"} on{" "}
        <a className="underline" href={`${paperPath(comment.paperId)}#comment-${comment.id}`}>
          {comment.paperId}
        </a>{" "}
        · <time dateTime={comment.createdAt.toISOString()}>{comment.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
        {comment.deletedAt && <strong className="ml-2">deleted by its author</strong>}
        {comment.hiddenAt && <strong className="ml-2 text-red-800 dark:text-red-300">hidden: {comment.hiddenReason}</strong>}
        {comment.flags && (
          <strong className="ml-2 text-amber-800 dark:text-amber-300">
            flagged by {countOf(comment.flags.count, "reader")}:{" "}
            {FLAG_REASONS.filter((reason) => comment.flags?.reasons[reason])
              .map((reason) => `${FLAG_REASON_LABELS[reason].toLowerCase()} (${comment.flags?.reasons[reason]})`)
              .join(", ")}
          </strong>
        )}
      </p>
      {showSource && (
        <>
          {/* Whole, not clamped: a moderator judges all of it. Long ones scroll in their box. */}
          <pre
            tabIndex={0}
            role="region"
            aria-label={`Source of comment ${comment.id}`}
            className="mt-1 max-h-64 overflow-y-auto whitespace-pre-wrap break-words rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-900"
          >
            {comment.body}
          </pre>
          {!comment.deletedAt && (
            <div className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
              {comment.hiddenAt ? (
                <AdminForm action={unhideCommentAction} submitLabel="Unhide" describedBy={headingId} focusAfter={afterAction}>
                  <HiddenField name="commentId" value={comment.id} />
                </AdminForm>
              ) : (
                <AdminForm action={hideCommentAction} submitLabel="Hide" variant="danger" describedBy={headingId} focusAfter={afterAction}>
                  <HiddenField name="commentId" value={comment.id} />
                  <input name="reason" required minLength={3} placeholder="Reason (public)" aria-label={`Reason for hiding comment ${comment.id}`} className={inputClass} />
                </AdminForm>
              )}
              {comment.flags && !comment.hiddenAt && (
                <AdminForm action={dismissFlagsAction} submitLabel="Dismiss flags" describedBy={headingId} focusAfter={afterAction}>
                  <HiddenField name="commentId" value={comment.id} />
                </AdminForm>
              )}
            </div>
          )}
        </>
      )}
    </li>
  );
}
