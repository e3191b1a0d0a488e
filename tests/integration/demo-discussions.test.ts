import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getPaperComments } from "@/db/queries/comments";
import { getTrending } from "@/db/queries/trending";
import { rowsOf } from "@/db/rows";
import { commentVotes, comments, users } from "@/db/schema";
import { seedDemo } from "@/db/seed/demo";
import { DEMO_DISCUSSIONS, seedDemoDiscussions } from "@/db/seed/demo-discussions";
import { renderCommentHtml } from "@/lib/markdown";
import { makeUser } from "../support/fixtures";
import { createTestDatabase } from "../support/test-database";

let drop: () => Promise<void>;

const NOW = new Date("2026-11-28T09:00:00Z");
const [STOCHASTIC_INTERPOLANTS] = DEMO_DISCUSSIONS;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  await seedDemo(getDb(), { now: NOW });
});

afterAll(async () => {
  await drop();
});

/** Rows whose stored counter differs from their rows, for papers' comments and comments' upvotes. */
async function counterMismatches() {
  return rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select p.id from papers p
      where p.comment_count <> (select count(*) from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null)
      union all
      select c.id::text from comments c
      where c.upvote_count <> (select count(*) from comment_votes v where v.comment_id = c.id)`),
  );
}

/** Comments dated before their paper's first listing, replies not after their parent, and comments after `now`. */
async function datingProblems(now: Date) {
  return rowsOf<{ early: number; before_parent: number; future: number }>(
    await getDb().execute(sql`
      select (select count(*)::int from comments c where c.created_at < (select min(e.submitted_at) from daily_entries e where e.paper_id = c.paper_id)) as early,
             (select count(*)::int from comments c join comments p on p.id = c.parent_id where c.created_at <= p.created_at) as before_parent,
             (select count(*)::int from comments c where c.created_at > ${now.toISOString()}::timestamptz) as future`),
  )[0];
}

async function commentTotal() {
  return rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from comments`))[0].n;
}

describe("seedDemoDiscussions", () => {
  it("gives a few demo papers threaded discussions, with exact counters", async () => {
    const summary = await seedDemoDiscussions(getDb(), { now: NOW });
    expect(summary.papers).toBe(DEMO_DISCUSSIONS.length);
    expect(summary.comments).toBe(await commentTotal());
    expect(summary.comments).toBeGreaterThanOrEqual(10);

    const thread = await getPaperComments({ paperId: STOCHASTIC_INTERPOLANTS.paperId });
    expect(thread.length).toBe(4);
    expect(thread.map((c) => c.depth)).toEqual([0, 1, 2, 0]);
    expect(thread[1].parentId).toBe(thread[0].id);
    expect(thread[2].parentId).toBe(thread[1].id);
    expect(thread[0].upvoteCount).toBe(4);
    expect(await counterMismatches()).toEqual([]);
  });

  it("dates every comment after its paper was listed, every reply after its parent, and none after now", async () => {
    expect(await datingProblems(NOW)).toEqual({ early: 0, before_parent: 0, future: 0 });
  });

  it("writes math that renders: no TeX error in any comment", async () => {
    const bodies = rowsOf<{ id: number; body: string }>(await getDb().execute(sql`select id, body from comments`));
    const withMath = bodies.filter((c) => c.body.includes("$"));
    expect(withMath.length).toBeGreaterThanOrEqual(5);
    for (const { id, body } of bodies) {
      const html = renderCommentHtml(body, id);
      expect(html).not.toContain("katex-error");
      expect(html).not.toContain("$");
    }
    expect(withMath.every(({ id, body }) => renderCommentHtml(body, id).includes('class="katex"'))).toBe(true);
  });

  it("puts the discussed papers on trending, counted from the comments", async () => {
    const trending = await getTrending({ now: NOW });
    const discussed = trending.find((p) => p.id === STOCHASTIC_INTERPOLANTS.paperId);
    expect(discussed?.commentsInWindow).toBe(4);
  });

  it("is idempotent, and moves with the demo list when run on a later day", async () => {
    const before = await commentTotal();
    await seedDemoDiscussions(getDb(), { now: NOW });
    expect(await commentTotal()).toBe(before);

    const later = new Date("2026-12-02T08:00:00Z");
    await seedDemo(getDb(), { now: later });
    await seedDemoDiscussions(getDb(), { now: later });
    expect(await commentTotal()).toBe(before);
    const [moved] = await getPaperComments({ paperId: STOCHASTIC_INTERPOLANTS.paperId });
    expect(moved.createdAt.getTime()).toBe(later.getTime() - STOCHASTIC_INTERPOLANTS.thread[0].hoursAgo * 3_600_000);
    expect(await datingProblems(later)).toEqual({ early: 0, before_parent: 0, future: 0 });
    expect(await counterMismatches()).toEqual([]);
  });

  it("keeps a discussion a reader has joined, as it is", async () => {
    const before = await commentTotal();
    // A newcomer, signed in as a demo reader, replies in the demo; then the seed runs again.
    const [first] = await getPaperComments({ paperId: STOCHASTIC_INTERPOLANTS.paperId });
    await getDb().execute(
      sql`insert into comments (paper_id, author_id, parent_id, depth, body) values (${STOCHASTIC_INTERPOLANTS.paperId}, ${first.author!.id}, ${first.id}, 1, 'A reply of my own.')`,
    );
    await seedDemoDiscussions(getDb(), { now: new Date("2026-12-05T08:00:00Z") });
    expect(await commentTotal()).toBe(before + 1);
    const thread = await getPaperComments({ paperId: STOCHASTIC_INTERPOLANTS.paperId });
    expect(thread[0].id).toBe(first.id);
    expect(thread.some((c) => c.body === "A reply of my own." && c.parentId === first.id)).toBe(true);
    expect(await counterMismatches()).toEqual([]);
  });

  it("keeps a thread a moderator has acted in: a hidden comment stays hidden", async () => {
    const { paperId } = DEMO_DISCUSSIONS[1];
    const [first] = await getPaperComments({ paperId });
    await getDb().update(comments).set({ hiddenAt: new Date() }).where(eq(comments.id, first.id));
    await seedDemoDiscussions(getDb(), { now: new Date("2026-12-06T08:00:00Z") });
    const [after] = await getPaperComments({ paperId });
    expect(after).toMatchObject({ id: first.id, state: "hidden" });
    expect(await counterMismatches()).toEqual([]);
  });

  it("keeps a thread with an upvote the seed did not give", async () => {
    const { paperId } = DEMO_DISCUSSIONS[2];
    const before = await getPaperComments({ paperId });
    const stranger = await makeUser();
    await getDb().insert(commentVotes).values({ userId: stranger.id, commentId: before[0].id });
    await seedDemoDiscussions(getDb(), { now: new Date("2026-12-07T08:00:00Z") });
    const after = await getPaperComments({ paperId });
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after[0].upvoteCount).toBe(before[0].upvoteCount + 1);
    expect(await counterMismatches()).toEqual([]);
  });

  it("writes nothing in the name of a deleted or banned demo reader", async () => {
    const { paperId } = DEMO_DISCUSSIONS[3];
    await getDb().delete(comments).where(eq(comments.paperId, paperId));
    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.username, "frank"));
    await seedDemoDiscussions(getDb(), { now: new Date("2026-12-08T08:00:00Z") });
    expect(await getPaperComments({ paperId })).toEqual([]);
    expect(await counterMismatches()).toEqual([]);
  });
});
