"use client";

import clsx from "clsx";
import type { ThreadComment } from "@/db/queries/comments";
import type { ThreadNode } from "@/lib/comment-tree";
import { CommentItem, type ThreadContext } from "./comment-item";

// Each level of replies steps in. On phones the steps shrink after a few levels, so the deepest
// reply (level 7) still has most of a 390 px screen; the lines on the left keep every level apart.
const PHONE_FULL_STEPS = 4;

export function CommentThread({ nodes, context, level = 0 }: { nodes: ThreadNode<ThreadComment>[]; context: ThreadContext; level?: number }) {
  return (
    <ol
      className={clsx(
        "flex flex-col",
        level === 0 ? "gap-6" : "mt-4 gap-5 border-l-2 border-zinc-200 sm:pl-5 dark:border-zinc-800",
        level > 0 && (level <= PHONE_FULL_STEPS ? "pl-2.5" : "pl-1"),
      )}
    >
      {nodes.map((node) => (
        <li key={node.id} className="min-w-0">
          <CommentItem comment={node} context={context} />
          {node.replies.length > 0 && <CommentThread nodes={node.replies} context={context} level={level + 1} />}
        </li>
      ))}
    </ol>
  );
}
