import Link from "next/link";
import { z } from "zod";
import { recentComments } from "@/db/queries/moderation";
import { paperPath } from "@/lib/arxiv-id";
import { AdminForm, HiddenField } from "@/components/admin/admin-form";
import { inputClass } from "@/components/admin/input-class";
import { adminViewer } from "@/lib/admin-page";
import { hideCommentAction, unhideCommentAction } from "../actions";

export const metadata = { title: "Comments" };

const PAGE_SIZE = 50;
// A comment id (PostgreSQL integer); anything else shows the newest page.
const Before = z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined);

export default async function AdminCommentsPage({ searchParams }: { searchParams: Promise<{ before?: string }> }) {
  if (!(await adminViewer())) return null; // the layout says why
  const before = Before.parse((await searchParams).before);
  const { comments, older } = await recentComments({ limit: PAGE_SIZE, before });
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
      <h1 id="comments-heading" className="text-2xl font-bold tracking-tight">
        {before ? "Older comments" : "Recent comments"}
      </h1>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each comment as its author wrote it, in Markdown source: including anything the published page strips (raw HTML,
        unsafe links), so you judge what was written, not what survived. A comment its author deleted is erased, unless it was hidden first.
      </p>
      {comments.length === 0 && <p>{before ? "No older comments." : "No comments yet."}</p>}
      <ul className="flex flex-col gap-3">
        {comments.map((comment) => {
          const headingId = `admin-comment-${comment.id}`;
          return (
            <li key={comment.id} className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
              {/* Names the comment for the buttons below, and takes focus back when a form is replaced. */}
              <p id={headingId} tabIndex={-1} className="text-sm text-zinc-600 outline-offset-2 dark:text-zinc-400">
                <span className="sr-only">Comment {comment.id} by </span>
                {comment.author ?? "a deleted account"} on{" "}
                <Link className="underline" href={`${paperPath(comment.paperId)}#comment-${comment.id}`}>
                  {comment.paperId}
                </Link>{" "}
                · <time dateTime={comment.createdAt.toISOString()}>{comment.createdAt.toISOString().slice(0, 16).replace("T", " ")} UTC</time>
                {comment.deletedAt && <strong className="ml-2">deleted by its author</strong>}
                {comment.hiddenAt && <strong className="ml-2 text-red-800 dark:text-red-300">hidden: {comment.hiddenReason}</strong>}
              </p>
              {/* A deletion erased the words, unless a moderator had hidden them first. */}
              {comment.deletedAt && !comment.hiddenAt ? null : (
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
                  <div className="mt-2">
                    {comment.deletedAt ? null : comment.hiddenAt ? (
                      <AdminForm action={unhideCommentAction} submitLabel="Unhide" describedBy={headingId} focusAfter={headingId}>
                        <HiddenField name="commentId" value={comment.id} />
                      </AdminForm>
                    ) : (
                      <AdminForm action={hideCommentAction} submitLabel="Hide" variant="danger" describedBy={headingId} focusAfter={headingId}>
                        <HiddenField name="commentId" value={comment.id} />
                        <input name="reason" required minLength={3} placeholder="Reason (public)" aria-label={`Reason for hiding comment ${comment.id}`} className={inputClass} />
                      </AdminForm>
                    )}
                  </div>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <nav aria-label="Pages of comments" className="flex gap-4">
        {before && (
          <Link href="/admin/comments" className="underline">
            Newest comments
          </Link>
        )}
        {older && (
          <Link href={`/admin/comments?before=${older}`} className="underline">
            Older comments
          </Link>
        )}
      </nav>
    </section>
  );
}
