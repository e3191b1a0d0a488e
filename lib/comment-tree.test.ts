import { describe, expect, it } from "vitest";
import { buildThread, pruneRemovedLeaves, wilsonLowerBound, type FlatComment } from "./comment-tree";

const c = (id: number, parentId: number | null, minute: number, upvoteCount = 0): FlatComment => ({
  id,
  parentId,
  upvoteCount,
  createdAt: new Date(Date.UTC(2025, 0, 1, 9, minute)),
});

describe("wilsonLowerBound", () => {
  it("trusts many votes more than few at the same share", () => {
    expect(wilsonLowerBound(100, 101)).toBeGreaterThan(wilsonLowerBound(2, 3));
    expect(wilsonLowerBound(0, 0)).toBe(0);
    expect(wilsonLowerBound(5, 10)).toBeGreaterThan(0);
    expect(wilsonLowerBound(5, 10)).toBeLessThan(0.5);
  });
});

describe("buildThread", () => {
  const flat = [c(1, null, 0, 1), c(2, null, 5, 9), c(3, 1, 6, 0), c(4, 1, 7, 3), c(5, 4, 8), c(6, null, 9, 1)];

  it("nests replies under their parents and sorts by best at every level", () => {
    const thread = buildThread(flat, "best");
    expect(thread.map((n) => n.id)).toEqual([2, 1, 6]); // 1 and 6 tie on votes: the older first
    expect(thread[1].replies.map((n) => n.id)).toEqual([4, 3]);
    expect(thread[1].replies[0].replies.map((n) => n.id)).toEqual([5]);
  });

  it("sorts by newest", () => {
    const thread = buildThread(flat, "new");
    expect(thread.map((n) => n.id)).toEqual([6, 2, 1]);
    expect(thread[2].replies.map((n) => n.id)).toEqual([4, 3]);
  });

  it("keeps orphans visible at the top level", () => {
    expect(buildThread([c(7, 99, 0)], "new").map((n) => n.id)).toEqual([7]);
  });
});

describe("pruneRemovedLeaves", () => {
  type Stated = FlatComment & { removed: boolean };
  const s = (id: number, parentId: number | null, minute: number, removed = false): Stated => ({ ...c(id, parentId, minute), removed });
  const ids = (nodes: ReturnType<typeof buildThread<Stated>>): unknown[] => nodes.map((n) => (n.replies.length ? [n.id, ids(n.replies)] : n.id));
  const isRemoved = (comment: Stated) => comment.removed;

  it("drops removed comments with nothing live beneath them, at any depth", () => {
    // 1 ← 2 (removed) ← 3 (removed): both go; 4 (removed) ← 5 stays for 5's sake; 6 (removed) goes.
    const flat = [s(1, null, 0), s(2, 1, 1, true), s(3, 2, 2, true), s(4, null, 3, true), s(5, 4, 4), s(6, null, 5, true)];
    expect(ids(pruneRemovedLeaves(buildThread(flat, "new"), isRemoved))).toEqual([[4, [5]], 1]);
  });

  it("keeps every live comment", () => {
    const flat = [s(1, null, 0), s(2, 1, 1), s(3, null, 2)];
    expect(ids(pruneRemovedLeaves(buildThread(flat, "new"), isRemoved))).toEqual([3, [1, [2]]]);
  });
});
