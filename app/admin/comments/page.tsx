import Link from "next/link";
import { recentComments } from "@/db/queries/moderation";
import { paperPath } from "@/lib/arxiv-id";
import { AdminForm, HiddenField } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { adminViewer } from "@/lib/admin-page";
import { hideCommentAction, unhideCommentAction } from "../actions";

export const metadata = { title: "Comments" };

export default async function AdminCommentsPage() {
  if (!(await adminViewer())) return null; // the layout says why
  const comments = await recentComments({ limit: 100 });
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
      <h1 id="comments-heading" className="text-2xl font-bold tracking-tight">
        Recent comments
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each comment as its author wrote it, in Markdown source: including anything the published page strips (raw HTML,
        unsafe links), so you judge what was written, not what survived.
      </p>
      {comments.length === 0 && <p>No comments yet.</p>}
      <ul className="flex flex-col gap-3">
        {comments.map((comment) => (
          <li key={comment.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
            <p className="text-sm text-zinc-600 dark:text-zinc-400">
              {comment.author} on{" "}
              <Link className="underline" href={`${paperPath(comment.paperId)}#comment-${comment.id}`}>
                {comment.paperId}
              </Link>{" "}
              · <time dateTime={comment.createdAt.toISOString()}>{comment.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
              {comment.deletedAt && <strong className="ml-2">deleted by author</strong>}
              {comment.hiddenAt && <strong className="ml-2 text-red-800 dark:text-red-300">hidden: {comment.hiddenReason}</strong>}
            </p>
            <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words font-mono text-xs">{comment.body}</p>
            <div className="mt-2">
              {comment.hiddenAt ? (
                <AdminForm action={unhideCommentAction} submitLabel="Unhide">
                  <HiddenField name="commentId" value={comment.id} />
                </AdminForm>
              ) : (
                <AdminForm action={hideCommentAction} submitLabel="Hide" variant="danger">
                  <HiddenField name="commentId" value={comment.id} />
                  <input name="reason" required minLength={3} placeholder="Reason (public)" aria-label={`Reason for hiding comment ${comment.id}`} className={inputClass} />
                </AdminForm>
              )}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
