"use client";

import type { ThreadComment } from "@/db/queries/comments";
import type { ThreadNode } from "@/lib/comment-tree";
import { CommentItem, type ThreadContext } from "./comment-item";

// Each level of replies steps in (.replies in app/globals.css). On phones the steps shrink after a
// few levels (.replies-deep), so the deepest reply (level 7) still has most of a 390 px screen; the
// lines on the left keep every level apart.
const PHONE_FULL_STEPS = 4;

export function CommentThread({ nodes, context, level = 0 }: { nodes: ThreadNode<ThreadComment>[]; context: ThreadContext; level?: number }) {
  return (
    <ol className={level === 0 ? "thread" : level <= PHONE_FULL_STEPS ? "replies" : "replies replies-deep"}>
      {nodes.map((node) => (
        <li key={node.id}>
          <CommentItem comment={node} context={context} />
          {node.replies.length > 0 && <CommentThread nodes={node.replies} context={context} level={level + 1} />}
        </li>
      ))}
    </ol>
  );
}
