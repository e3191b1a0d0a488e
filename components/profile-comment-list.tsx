import Link from "next/link";
import type { ProfileComment } from "@/db/queries/users";
import { paperPath } from "@/lib/arxiv-id";
import { formatDay } from "@/lib/dates";
import { CommentBody } from "./comments/comment-body";
import { MathText } from "./math-text";

/** A profile's latest comments, rendered as on the paper page (Markdown and math), with a link to each. */
export function ProfileCommentList({ comments }: { comments: ProfileComment[] }) {
  if (comments.length === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No comments yet.</p>;
  return (
    <ol className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {comments.map((comment) => (
        <li key={comment.id} className="flex flex-col gap-1 py-2">
          {/* The first few lines of each, fading out: cut by height, since tables and display
              math are not lines a line clamp can count. The mask's stops are lengths, so a short
              comment never fades; the inner horizontal scrolling is cut too (the link leads on). */}
          <div className="max-h-32 overflow-hidden break-words text-sm [mask-image:linear-gradient(to_bottom,black_5.5rem,transparent_8rem)] [&_.comment-prose]:overflow-visible">
            <CommentBody id={comment.id} source={comment.body} />
          </div>
          <span className="text-xs text-zinc-600 dark:text-zinc-400">
            {formatDay(comment.createdAt.toISOString().slice(0, 10), "short")} on{" "}
            <Link href={`${paperPath(comment.paperId)}#comment-${comment.id}`} className="underline">
              <MathText text={comment.paperTitle} />
            </Link>
          </span>
        </li>
      ))}
    </ol>
  );
}
