import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { deleteAccount } from "@/db/queries/account-deletion";
import { addComment, getPaperComments } from "@/db/queries/comments";
import { setCommentHidden } from "@/db/queries/moderation";
import { getProfile, getSessionUser } from "@/db/queries/users";
import { castCommentVote, castPaperVote } from "@/db/queries/votes";
import { rowsOf } from "@/db/rows";
import { accounts, comments, dailyEntries, papers, subscriptions, users, votes } from "@/db/schema";
import { rejection } from "../support/rejection";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

// Deleting an account on a real database: what the reader wrote is erased, their votes leave the
// counts in the same statements, and the row that stays can never sign in or be found again.

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

/** Papers and comments whose stored counters disagree with the rows they count. */
async function counterDrift() {
  return rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select p.id from papers p
      where p.upvote_count <> (select count(*) from votes v where v.paper_id = p.id)
         or p.comment_count <> (select count(*) from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null)
      union all
      select c.id::text from comments c where c.upvote_count <> (select count(*) from comment_votes cv where cv.comment_id = c.id)`),
  );
}

describe("deleteAccount", () => {
  it("erases the reader's comments, withdraws their votes with the counts, and leaves a tombstone nobody can use", async () => {
    const leaving = await makeUser({ username: "leaving", name: "Leaving Reader", email: "leaving@test.local", passwordHash: "x" });
    const staying = await makeUser({ username: "staying" });
    const moderator = await makeUser({ username: "moderator", role: "admin" });
    await makePaper({ id: "2501.10001" });
    await makePaper({ id: "2501.10002" });
    await listPaper({ paperId: "2501.10002", day: "2025-01-20", submittedById: leaving.id });
    await getDb().insert(accounts).values({ userId: leaving.id, type: "oauth", provider: "github", providerAccountId: "gh-1" });
    await getDb().insert(subscriptions).values([
      { email: "leaving@test.local", userId: leaving.id, frequency: "daily", status: "active", unsubscribeToken: "t-1" },
      { email: "staying@test.local", userId: staying.id, frequency: "weekly", status: "active", unsubscribeToken: "t-2" },
      // Made for an address the account has since moved away from: it stays with that inbox.
      { email: "earlier@test.local", userId: leaving.id, frequency: "weekly", status: "active", unsubscribeToken: "t-3" },
    ]);

    // Their comments: a live one with a reply and a vote on it, one moderators hid, one they deleted.
    const live = await addComment({ actor: leaving, paperId: "2501.10001", parentId: null, body: "My own words." });
    const reply = await addComment({ actor: staying, paperId: "2501.10001", parentId: live.id, body: "A reply that stays." });
    const hidden = await addComment({ actor: leaving, paperId: "2501.10002", parentId: null, body: "Hidden words." });
    await setCommentHidden({ actor: moderator, commentId: hidden.id, hidden: true, reason: "off topic" });
    await castCommentVote({ userId: staying.id, commentId: live.id });
    // Their votes: on both papers and on someone else's comment.
    await castPaperVote({ userId: leaving.id, paperId: "2501.10001" });
    await castPaperVote({ userId: leaving.id, paperId: "2501.10002" });
    await castPaperVote({ userId: staying.id, paperId: "2501.10001" });
    await castCommentVote({ userId: leaving.id, commentId: reply.id });

    const result = await deleteAccount({ userId: leaving.id });

    expect(result.withdrawn).toEqual({ paperVotes: 2, commentVotes: 1 });
    expect(result.erasedComments).toBe(2);
    expect(result.paperIds.sort()).toEqual(["2501.10001", "2501.10002"]);
    expect(await counterDrift()).toEqual([]);
    const counts = await getDb().select({ id: papers.id, upvotes: papers.upvoteCount, comments: papers.commentCount }).from(papers).orderBy(papers.id);
    expect(counts).toEqual([
      { id: "2501.10001", upvotes: 1, comments: 1 },
      { id: "2501.10002", upvotes: 0, comments: 0 },
    ]);

    // The thread keeps its shape: the reply stays under a "[deleted]" parent with no author.
    const thread = await getPaperComments({ paperId: "2501.10001" });
    expect(thread.find((c) => c.id === live.id)).toMatchObject({ state: "deleted", body: null, author: null });
    expect(thread.find((c) => c.id === reply.id)).toMatchObject({ state: "live", body: "A reply that stays.", parentId: live.id });
    const stored = await getDb().select({ body: comments.body }).from(comments).where(eq(comments.authorId, leaving.id));
    expect(stored.map((c) => c.body)).toEqual(["", ""]);

    // The tombstone: id and username only, no way in, no profile, no mail.
    const [tombstone] = await getDb().select().from(users).where(eq(users.id, leaving.id));
    expect(tombstone).toMatchObject({ username: "leaving", name: null, email: null, passwordHash: null, image: null });
    expect(tombstone.deletedAt).not.toBeNull();
    expect(tombstone.sessionVersion).toBe(leaving.sessionVersion + 1);
    expect(await getSessionUser({ id: leaving.id })).toBeNull();
    expect(await getProfile({ username: "leaving" })).toBeNull();
    expect(await getDb().select().from(accounts).where(eq(accounts.userId, leaving.id))).toEqual([]);
    const left = await getDb().select({ email: subscriptions.email, userId: subscriptions.userId }).from(subscriptions).orderBy(subscriptions.email);
    expect(left).toEqual([
      { email: "earlier@test.local", userId: null },
      { email: "staying@test.local", userId: staying.id },
    ]);
    const [entry] = await getDb().select({ submittedById: dailyEntries.submittedById }).from(dailyEntries).where(eq(dailyEntries.paperId, "2501.10002"));
    expect(entry.submittedById).toBeNull();

    // Gone once: a second request finds nothing to delete.
    expect((await rejection(deleteAccount({ userId: leaving.id }))).code).toBe("not_found");
  });

  it("refuses to delete the only admin, changing nothing", async () => {
    const db = getDb();
    await db.update(users).set({ role: "user" }).where(eq(users.role, "admin"));
    const onlyAdmin = await makeUser({ username: "onlyadmin", role: "admin" });
    const before = await db.select().from(users).where(eq(users.id, onlyAdmin.id));

    const error = await rejection(deleteAccount({ userId: onlyAdmin.id }));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/only admin/);
    expect(await db.select().from(users).where(eq(users.id, onlyAdmin.id))).toEqual(before);

    await makeUser({ username: "secondadmin", role: "admin" });
    await deleteAccount({ userId: onlyAdmin.id });
    expect(await getSessionUser({ id: onlyAdmin.id })).toBeNull();
  });

  it("refuses votes and comments that arrive for an account already deleted", async () => {
    const gone = await makeUser({ username: "gonewriter" });
    const other = await makeUser({ username: "stillhere" });
    await makePaper({ id: "2501.30001" });
    const theirs = await addComment({ actor: other, paperId: "2501.30001", parentId: null, body: "Still here." });
    await deleteAccount({ userId: gone.id });

    // Requests that passed the session check just before the deletion committed.
    // One at a time (started together, a refusal not yet awaited counts as unhandled).
    for (const write of [
      () => castPaperVote({ userId: gone.id, paperId: "2501.30001" }),
      () => castCommentVote({ userId: gone.id, commentId: theirs.id }),
      () => addComment({ actor: gone, paperId: "2501.30001", parentId: null, body: "From beyond." }),
    ]) {
      expect(await rejection(write())).toMatchObject({ code: "unauthorized", message: "Your account no longer exists." });
    }
    expect(await getDb().select().from(comments).where(eq(comments.authorId, gone.id))).toEqual([]);
    expect(await counterDrift()).toEqual([]);
  });

  it.skipIf(!process.env.DATABASE_URL)("deletes two readers who upvoted each other's comments at once, without a deadlock", async () => {
    const [x, y] = [await makeUser({ username: "mutualx" }), await makeUser({ username: "mutualy" })];
    await makePaper({ id: "2501.40001" });
    const byX = await addComment({ actor: x, paperId: "2501.40001", parentId: null, body: "X says." });
    const byY = await addComment({ actor: y, paperId: "2501.40001", parentId: null, body: "Y says." });
    await castCommentVote({ userId: x.id, commentId: byY.id });
    await castCommentVote({ userId: y.id, commentId: byX.id });
    await castPaperVote({ userId: x.id, paperId: "2501.40001" });
    await castPaperVote({ userId: y.id, paperId: "2501.40001" });

    const results = await Promise.allSettled([deleteAccount({ userId: x.id }), deleteAccount({ userId: y.id })]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await counterDrift()).toEqual([]);
  });

  it.skipIf(!process.env.DATABASE_URL)("lets only one of the last two admins leave when both try at once", async () => {
    const db = getDb();
    await db.update(users).set({ role: "user" }).where(eq(users.role, "admin"));
    const [first, second] = [await makeUser({ username: "lastadmin1", role: "admin" }), await makeUser({ username: "lastadmin2", role: "admin" })];
    const results = await Promise.allSettled([deleteAccount({ userId: first.id }), deleteAccount({ userId: second.id })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
  });

  // Several connections at once need a PostgreSQL server (the embedded database runs one statement at a time).
  it.skipIf(!process.env.DATABASE_URL)("leaves no vote behind when the reader's other tabs vote during the deletion", async () => {
    const voter = await makeUser({ username: "busyvoter" });
    const ids = Array.from({ length: 20 }, (_, i) => `2501.2${String(i).padStart(4, "0")}`);
    for (const id of ids) await makePaper({ id });
    await Promise.all(ids.slice(0, 10).map((paperId) => castPaperVote({ userId: voter.id, paperId })));

    await Promise.allSettled([deleteAccount({ userId: voter.id }), ...ids.slice(10).map((paperId) => castPaperVote({ userId: voter.id, paperId }))]);

    expect(await getDb().select().from(votes).where(eq(votes.userId, voter.id))).toEqual([]);
    expect(await counterDrift()).toEqual([]);
  });
});
