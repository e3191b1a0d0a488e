import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { addComment, deleteComment, editComment, getPaperComments } from "@/db/queries/comments";
import { setCommentHidden } from "@/db/queries/moderation";
import { castCommentVote, getReaderCommentVotes, getUpvotedCommentIds, removeCommentVote } from "@/db/queries/votes";
import { comments, papers, type User } from "@/db/schema";
import { EDIT_WINDOW_MS, MAX_COMMENT_DEPTH } from "@/lib/comment-rules";
import { buildThread } from "@/lib/comment-tree";
import { rejection } from "../support/rejection";
import { createTestDatabase } from "../support/test-database";
import { makePaper, makeUser } from "../support/fixtures";

// The discussion's data layer on a real database: thread shape, permissions, and counters that
// stay equal to the rows they count, also when many writes arrive at once.

const PAPER = "2501.00001";
const BUSY_PAPER = "2501.00002";

let drop: () => Promise<void>;
let alice: User;
let bob: User;
let moderator: User;
let crowd: User[];

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  alice = await makeUser({ username: "alice", name: "Alice" });
  bob = await makeUser({ username: "bob", name: "Bob" });
  moderator = await makeUser({ username: "mod", name: "Moderator", role: "admin" });
  crowd = [];
  for (let i = 0; i < 50; i++) crowd.push(await makeUser());
  await makePaper({ id: PAPER });
  await makePaper({ id: BUSY_PAPER });
});

afterAll(async () => {
  await drop();
});

// Counters against the rows they count, as independent statements (drizzle leaves columns of a
// select unqualified, so the correlated subqueries name their tables themselves).

/** Papers whose comment_count differs from their live, visible comments: must always be none. */
async function commentCountDrift() {
  const counted = await getDb()
    .select({
      id: papers.id,
      stored: papers.commentCount,
      counted: sql<number>`(select count(*)::int from comments c where c.paper_id = papers.id and c.deleted_at is null and c.hidden_at is null)`,
    })
    .from(papers);
  return counted.filter((p) => p.stored !== p.counted);
}

async function commentVoteDrift() {
  const counted = await getDb()
    .select({
      id: comments.id,
      stored: comments.upvoteCount,
      counted: sql<number>`(select count(*)::int from comment_votes v where v.comment_id = comments.id)`,
    })
    .from(comments);
  return counted.filter((c) => c.stored !== c.counted);
}

async function row(id: number) {
  const [found] = await getDb().select().from(comments).where(eq(comments.id, id));
  return found;
}

describe("comments", () => {
  it("posts a comment and a reply beneath it", async () => {
    const root = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Is the bound in Theorem 2 tight?" });
    const reply = await addComment({ actor: bob, paperId: PAPER, parentId: root.id, body: "Yes, see the lower bound in section 5." });

    const flat = await getPaperComments({ paperId: PAPER });
    expect(flat.find((c) => c.id === reply.id)).toMatchObject({ parentId: root.id, depth: 1, state: "live", author: { username: "bob" } });
    const [thread] = buildThread(flat, "best");
    expect(thread.id).toBe(root.id);
    expect(thread.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(await commentCountDrift()).toEqual([]);
  });

  it("refuses replies to a comment on another paper", async () => {
    const elsewhere = await addComment({ actor: alice, paperId: BUSY_PAPER, parentId: null, body: "Elsewhere." });
    const error = await rejection(addComment({ actor: bob, paperId: PAPER, parentId: elsewhere.id, body: "Cross-thread" }));
    expect(error.code).toBe("not_found");
    expect(await commentCountDrift()).toEqual([]);
  });

  it("attaches a reply past the depth cap to the deepest allowed parent", async () => {
    const chain: { id: number }[] = [await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Level 0" })];
    while (chain.length < MAX_COMMENT_DEPTH) {
      chain.push(await addComment({ actor: chain.length % 2 ? bob : alice, paperId: PAPER, parentId: chain.at(-1)!.id, body: `Level ${chain.length}` }));
    }
    const deepest = await row(chain.at(-1)!.id);
    expect(deepest.depth).toBe(MAX_COMMENT_DEPTH - 1);

    const overflow = await addComment({ actor: bob, paperId: PAPER, parentId: deepest.id, body: "One level too deep" });
    const placed = await row(overflow.id);
    expect(placed.depth).toBe(MAX_COMMENT_DEPTH - 1);
    expect(placed.parentId).toBe(deepest.parentId); // beside the comment it answered
    expect(Math.max(...(await getPaperComments({ paperId: PAPER })).map((c) => c.depth))).toBe(MAX_COMMENT_DEPTH - 1);
    expect(await commentCountDrift()).toEqual([]);
  });

  it("lets authors edit their own comment within the window, and not after", async () => {
    const { id } = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Frist" });
    const { createdAt } = await row(id);

    const inTime = new Date(createdAt.getTime() + EDIT_WINDOW_MS - 60_000);
    await editComment({ actor: alice, commentId: id, body: "First", basedOn: "Frist", now: inTime });
    expect(await row(id)).toMatchObject({ body: "First", editedAt: inTime });

    const late = new Date(createdAt.getTime() + EDIT_WINDOW_MS + 1_000);
    const error = await rejection(editComment({ actor: alice, commentId: id, body: "Rewritten history", basedOn: "First", now: late }));
    expect(error.code).toBe("forbidden");
    expect(error.message).toBe("Comments can only be edited in the first hour.");
    expect(await row(id)).toMatchObject({ body: "First", editedAt: inTime });
    expect(await commentCountDrift()).toEqual([]);
  });

  it("refuses an edit begun from text the comment no longer has (saved meanwhile in another tab), keeping the newer words", async () => {
    const { id } = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Draft one" });
    await editComment({ actor: alice, commentId: id, body: "Saved in tab B", basedOn: "Draft one" });
    const before = await row(id);

    const error = await rejection(editComment({ actor: alice, commentId: id, body: "Saved in tab A", basedOn: "Draft one" }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/changed elsewhere/);
    expect(await row(id)).toEqual(before);

    await editComment({ actor: alice, commentId: id, body: "Tab A, after reloading", basedOn: "Saved in tab B" });
    expect((await row(id)).body).toBe("Tab A, after reloading");
  });

  it("refuses Bob's edit and delete of Alice's comment, changing nothing", async () => {
    const { id } = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Alice's words" });
    const before = await row(id);
    const [paperBefore] = await getDb().select().from(papers).where(eq(papers.id, PAPER));

    expect(await rejection(editComment({ actor: bob, commentId: id, body: "Bob's words", basedOn: "Alice's words" }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(deleteComment({ actor: bob, commentId: id }))).toMatchObject({ code: "forbidden" });

    expect(await row(id)).toEqual(before);
    const [paperAfter] = await getDb().select().from(papers).where(eq(papers.id, PAPER));
    expect(paperAfter.commentCount).toBe(paperBefore.commentCount);
    expect(await commentCountDrift()).toEqual([]);
  });

  it("deletes: the row and its replies stay, the words are erased and the author goes", async () => {
    const root = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Soon gone" });
    const reply = await addComment({ actor: bob, paperId: PAPER, parentId: root.id, body: "Still here" });
    const [{ commentCount: before }] = await getDb().select().from(papers).where(eq(papers.id, PAPER));

    await deleteComment({ actor: alice, commentId: root.id });

    expect(await row(root.id)).toMatchObject({ deletedAt: expect.any(Date), body: "" }); // erased, not only hidden from view
    const flat = await getPaperComments({ paperId: PAPER });
    expect(flat.find((c) => c.id === root.id)).toMatchObject({ state: "deleted", body: null, author: null });
    const node = buildThread(flat, "new").find((c) => c.id === root.id)!;
    expect(node.replies.map((r) => r.id)).toEqual([reply.id]);
    expect(node.replies[0]).toMatchObject({ state: "live", body: "Still here" });
    const [{ commentCount: after }] = await getDb().select().from(papers).where(eq(papers.id, PAPER));
    expect(after).toBe(before - 1);
    expect(await commentCountDrift()).toEqual([]);

    // A second delete, and replies to what is gone, are refused and move nothing.
    expect(await rejection(deleteComment({ actor: alice, commentId: root.id }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(addComment({ actor: bob, paperId: PAPER, parentId: root.id, body: "Hello?" }))).toMatchObject({ code: "forbidden" });
    expect(await commentCountDrift()).toEqual([]);
  });

  it("does not count a hidden comment twice when its author deletes it", async () => {
    const { id } = await addComment({ actor: alice, paperId: PAPER, parentId: null, body: "Off topic" });
    await setCommentHidden({ actor: moderator, commentId: id, hidden: true, reason: "off topic" });
    expect((await getPaperComments({ paperId: PAPER })).find((c) => c.id === id)).toMatchObject({ state: "hidden", body: null, author: null });
    expect(await commentCountDrift()).toEqual([]);

    await deleteComment({ actor: alice, commentId: id });
    expect(await commentCountDrift()).toEqual([]);
    expect((await row(id)).body).toBe("Off topic"); // what it was hidden for stays, for the moderators
    await setCommentHidden({ actor: moderator, commentId: id, hidden: false });
    expect((await getPaperComments({ paperId: PAPER })).find((c) => c.id === id)).toMatchObject({ state: "deleted" });
    expect(await commentCountDrift()).toEqual([]);
  });

  it("keeps comment_count exact under 50 concurrent comments", async () => {
    const { id: parentId } = await addComment({ actor: alice, paperId: BUSY_PAPER, parentId: null, body: "Thread starter" });
    await Promise.all(
      crowd.map((user, i) => addComment({ actor: user, paperId: BUSY_PAPER, parentId: i % 2 ? parentId : null, body: `Comment ${i}` })),
    );
    const [paper] = await getDb().select().from(papers).where(eq(papers.id, BUSY_PAPER));
    expect(paper.commentCount).toBe(2 + crowd.length); // with the one on "elsewhere" above
    expect(await commentCountDrift()).toEqual([]);
  });
});

describe("comment votes", () => {
  let target: number;

  beforeAll(async () => {
    ({ id: target } = await addComment({ actor: alice, paperId: BUSY_PAPER, parentId: null, body: "Vote on me" }));
  });

  it("counts 50 readers voting at once exactly", async () => {
    const results = await Promise.all(crowd.map((user) => castCommentVote({ userId: user.id, commentId: target })));
    expect(results.every((r) => r.changed)).toBe(true);
    expect((await row(target)).upvoteCount).toBe(50);
    expect(await commentVoteDrift()).toEqual([]);
  });

  it("counts one reader's 20 simultaneous votes once, and 20 simultaneous take-backs once", async () => {
    const votes = await Promise.all(Array.from({ length: 20 }, () => castCommentVote({ userId: bob.id, commentId: target })));
    expect(votes.filter((r) => r.changed)).toHaveLength(1);
    expect((await row(target)).upvoteCount).toBe(51);
    expect(await getUpvotedCommentIds({ userId: bob.id, paperId: BUSY_PAPER })).toEqual([target]);
    const own = await getReaderCommentVotes({ userId: bob.id, paperId: BUSY_PAPER });
    expect(own.upvoted).toEqual([target]);
    expect(own.counts[target]).toBe(51);

    const takeBacks = await Promise.all(Array.from({ length: 20 }, () => removeCommentVote({ userId: bob.id, commentId: target })));
    expect(takeBacks.filter((r) => r.changed)).toHaveLength(1);
    expect((await row(target)).upvoteCount).toBe(50);
    expect(await commentVoteDrift()).toEqual([]);
  });

  it("refuses a reader's vote on their own comment, and counts nothing", async () => {
    const before = (await row(target)).upvoteCount;
    expect(await rejection(castCommentVote({ userId: alice.id, commentId: target }))).toEqual(
      expect.objectContaining({ code: "forbidden", message: "You cannot upvote your own comment." }),
    );
    expect((await row(target)).upvoteCount).toBe(before);
    expect(await commentVoteDrift()).toEqual([]);
  });

  it("refuses votes on removed or unknown comments", async () => {
    const { id } = await addComment({ actor: bob, paperId: BUSY_PAPER, parentId: null, body: "Regret" });
    await deleteComment({ actor: bob, commentId: id });
    expect(await rejection(castCommentVote({ userId: alice.id, commentId: id }))).toMatchObject({ code: "forbidden" });
    const { id: spam } = await addComment({ actor: bob, paperId: BUSY_PAPER, parentId: null, body: "Spam" });
    await setCommentHidden({ actor: moderator, commentId: spam, hidden: true });
    expect(await rejection(castCommentVote({ userId: alice.id, commentId: spam }))).toMatchObject({ code: "forbidden" });
    expect(await rejection(castCommentVote({ userId: alice.id, commentId: 999_999 }))).toMatchObject({ code: "not_found" });
    expect((await row(id)).upvoteCount).toBe(0);
    expect(await commentVoteDrift()).toEqual([]);
  });

  it("give each reader the Markdown of their own live comments only, to edit them", async () => {
    const { id: mine } = await addComment({ actor: bob, paperId: BUSY_PAPER, parentId: null, body: "My **draft** with $x^2$" });
    const { id: gone } = await addComment({ actor: bob, paperId: BUSY_PAPER, parentId: null, body: "Deleted words" });
    await deleteComment({ actor: bob, commentId: gone });
    const bobs = await getReaderCommentVotes({ userId: bob.id, paperId: BUSY_PAPER });
    expect(bobs.sources[mine]).toBe("My **draft** with $x^2$");
    expect(bobs.sources[gone]).toBeUndefined();
    expect(bobs.sources[target]).toBeUndefined(); // Alice's
    const alices = await getReaderCommentVotes({ userId: alice.id, paperId: BUSY_PAPER });
    expect(alices.sources[mine]).toBeUndefined();
    expect(alices.sources[target]).toBe("Vote on me");
  });
});
