// Turns the flat list of a paper's comments into a thread, sorted at every level.

export type CommentSort = "best" | "new";

export type FlatComment = {
  id: number;
  parentId: number | null;
  createdAt: Date;
  upvoteCount: number;
};

export type ThreadNode<T extends FlatComment> = T & { replies: ThreadNode<T>[] };

/**
 * Lower bound of the Wilson score interval (95%) for the share of positive ratings.
 * Comments only have upvotes, so each counts one implicit non-vote as the negative side: the score
 * then grows with votes but trusts few votes less than many, as on Reddit's "best".
 */
export function wilsonLowerBound(positive: number, total: number, z = 1.96): number {
  if (total <= 0) return 0;
  const p = positive / total;
  const z2 = z * z;
  return (p + z2 / (2 * total) - z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total)) / (1 + z2 / total);
}

export function bestScore(comment: FlatComment): number {
  return wilsonLowerBound(comment.upvoteCount, comment.upvoteCount + 1);
}

function compare(sort: CommentSort) {
  return (a: FlatComment, b: FlatComment) => {
    if (sort === "best") {
      const diff = bestScore(b) - bestScore(a);
      if (diff !== 0) return diff;
      return a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id; // ties: the older first
    }
    return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
  };
}

export function buildThread<T extends FlatComment>(comments: T[], sort: CommentSort): ThreadNode<T>[] {
  const nodes = new Map<number, ThreadNode<T>>(comments.map((c) => [c.id, { ...c, replies: [] }]));
  const roots: ThreadNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.replies : roots).push(node);
  }
  const order = compare(sort);
  const sortDeep = (list: ThreadNode<T>[]) => {
    list.sort(order);
    for (const node of list) sortDeep(node.replies);
  };
  sortDeep(roots);
  return roots;
}

/**
 * The thread without removed comments that nothing live hangs from: a deleted comment keeps its
 * place only so its replies keep their context. Without live replies beneath it, a "[deleted]"
 * stub would say nothing, and the reader who just deleted a reply would see it come back as one
 * on the next visit. (The caller decides what counts as removed: moderators' removals stay
 * visible as such, so readers can see that moderation happened.)
 */
export function pruneRemovedLeaves<T extends FlatComment>(nodes: ThreadNode<T>[], isRemoved: (comment: T) => boolean): ThreadNode<T>[] {
  return nodes.flatMap((node) => {
    const replies = pruneRemovedLeaves(node.replies, isRemoved);
    return replies.length === 0 && isRemoved(node) ? [] : [{ ...node, replies }];
  });
}
