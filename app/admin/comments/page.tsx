import { z } from "zod";
import { countFlaggedComments, flaggedComments, type FlaggedComment } from "@/db/queries/comment-flags";
import { recentComments } from "@/db/queries/moderation";
import { CommentModerationItem, type ModeratedComment } from "@/components/admin/comment-moderation-item";
import { requireAdminViewer } from "@/lib/admin-page";

export const metadata = { title: "Comments" };

const PAGE_SIZE = 50;
const FLAGGED_SHOWN = 100;
const View = z.object({
  // A comment id (PostgreSQL integer); anything else shows the newest page.
  before: z.coerce.number().int().positive().max(2 ** 31 - 1).optional().catch(undefined),
  flagged: z.literal("1").optional().catch(undefined),
});

export default async function AdminCommentsPage({ searchParams }: { searchParams: Promise<{ before?: string; flagged?: string }> }) {
  await requireAdminViewer();
  const { before, flagged } = View.parse(await searchParams);
  // The count for the navigation and this view's comments, read at once.
  const [flaggedCount, view] = await Promise.all([
    countFlaggedComments(),
    flagged
      ? flaggedComments({ limit: FLAGGED_SHOWN }).then((comments) => ({ kind: "flagged" as const, comments }))
      : recentComments({ limit: PAGE_SIZE, before }).then((page) => ({ kind: "all" as const, ...page })),
  ]);
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-4">
      <h1 id="comments-heading" tabIndex={-1} className="text-2xl font-bold tracking-tight outline-offset-2">
        {flagged ? "Flagged comments" : before ? "Older comments" : "Recent comments"}
      </h1>
      <nav aria-label="Which comments" className="flex gap-4 text-sm">
        <a href="/admin/comments" aria-current={!flagged ? "page" : undefined} className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
          All comments
        </a>
        <a href="/admin/comments?flagged=1" aria-current={flagged ? "page" : undefined} className="underline aria-[current=page]:font-semibold aria-[current=page]:no-underline">
          Flagged by readers ({flaggedCount})
        </a>
      </nav>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Each comment as its author wrote it, in Markdown source: including anything the published page strips (raw HTML,
        unsafe links), so you judge what was written, not what survived. A comment its author deleted is erased, unless it was
        hidden first. Hiding a flagged comment settles its flags; if the flags are wrong, dismiss them.
      </p>
      {view.kind === "flagged" ? <FlaggedList comments={view.comments} total={flaggedCount} /> : <AllComments comments={view.comments} older={view.older} before={before} />}
    </section>
  );
}

function FlaggedList({ comments, total }: { comments: FlaggedComment[]; total: number }) {
  if (comments.length === 0) return <p>No comment is waiting for a look.</p>;
  return (
    <>
      {total > comments.length && (
        <p className="text-sm">
          The {comments.length} most flagged of {total}: the rest show as these are settled.
        </p>
      )}
      <ul className="flex flex-col gap-3">
        {comments.map(({ flags, reasons, ...comment }) => (
          // Hidden or dismissed, a comment leaves this list: focus goes back to the page's heading.
          <CommentModerationItem key={comment.id} comment={{ ...comment, flags: { count: flags, reasons } }} focusAfter="comments-heading" />
        ))}
      </ul>
    </>
  );
}

function AllComments({ comments, older, before }: { comments: ModeratedComment[]; older: number | null; before: number | undefined }) {
  return (
    <>
      {comments.length === 0 && <p>{before ? "No older comments." : "No comments yet."}</p>}
      <ul className="flex flex-col gap-3">
        {comments.map((comment) => (
          <CommentModerationItem key={comment.id} comment={comment} />
        ))}
      </ul>
      <nav aria-label="Pages of comments" className="flex gap-4">
        {before && (
          <a href="/admin/comments" className="underline">
            Newest comments
          </a>
        )}
        {older && (
          <a href={`/admin/comments?before=${older}`} className="underline">
            Older comments
          </a>
        )}
      </nav>
    </>
  );
}
