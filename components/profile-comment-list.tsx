import clsx from "clsx";
import type { ProfileComment } from "@/db/queries/users";
import { paperPath } from "@/lib/arxiv-id";
import { formatDay } from "@/lib/dates";
import { renderCommentHtml } from "@/lib/markdown";
import { CommentBody } from "./comments/comment-body";
import { MathText } from "./math-text";

/** A profile's latest comments, rendered as on the paper page (Markdown and math), with a link to each. */
export function ProfileCommentList({ comments }: { comments: ProfileComment[] }) {
  if (comments.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No comments yet.</p>;
  return (
    <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {comments.map((comment) => (
        <li key={comment.id} className="flex flex-col gap-1 py-2">
          {/* The first few lines of a long one, fading out: cut by height, since tables and
              display math are not lines a line clamp can count. Only comments that can run past
              the cut get it, so a short one is never faded; the link below leads to the rest. */}
          <div className={clsx("break-words text-sm", mayRunLong(comment.body) && "max-h-32 overflow-hidden [mask-image:linear-gradient(to_bottom,black_6rem,transparent_8rem)] [&_.comment-prose]:overflow-visible")}>
            <CommentBody html={renderCommentHtml(comment.body, comment.id)} />
          </div>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {formatDay(comment.createdAt.toISOString().slice(0, 10), "short")} on{" "}
            <a href={`${paperPath(comment.paperId)}#comment-${comment.id}`} className="underline">
              <MathText text={comment.paperTitle} />
            </a>
          </span>
        </li>
      ))}
    </ol>
  );
}

/** Whether a comment can be taller than about five lines: long, several paragraphs, a table or display math. */
function mayRunLong(body: string): boolean {
  return body.length > 200 || body.split("\n").length > 3 || body.includes("$$") || /^\s*\|/m.test(body);
}
