import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { castPaperVote, getReaderPaperVotes, getSessionUserWithPaperVotes, getUpvotedPaperIds, removePaperVote } from "@/db/queries/votes";
import { users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { createTestDatabase } from "../support/test-database";
import { makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

async function makeUsers(count: number, prefix: string): Promise<string[]> {
  const rows = await getDb()
    .insert(users)
    .values(Array.from({ length: count }, (_, i) => ({ username: `${prefix}${i}`, email: `${prefix}${i}@test.local` })))
    .returning({ id: users.id });
  return rows.map((r) => r.id);
}

async function counter(paperId: string) {
  const result = await getDb().execute(sql`
    select p.upvote_count as counter, (select count(*)::int from votes v where v.paper_id = p.id) as rows
    from papers p where p.id = ${paperId}`);
  const [row] = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { counter: number; rows: number }[];
  return { counter: Number(row.counter), rows: Number(row.rows) };
}

describe("paper votes", () => {
  it("count exactly +200 when 200 readers upvote at once", async () => {
    await makePaper({ id: "2501.00200" });
    const readers = await makeUsers(200, "crowd");
    const results = await Promise.all(readers.map((userId) => castPaperVote({ userId, paperId: "2501.00200" })));
    expect(results.filter((r) => r.changed)).toHaveLength(200);
    expect(await counter("2501.00200")).toEqual({ counter: 200, rows: 200 });
  });

  it("count +1 when one reader fires 50 upvotes in parallel", async () => {
    await makePaper({ id: "2501.00050" });
    const reader = await makeUser();
    const results = await Promise.all(Array.from({ length: 50 }, () => castPaperVote({ userId: reader.id, paperId: "2501.00050" })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    // Each answer, the repeats' too, gives the committed count (a double click must not show one less).
    expect(results.map((r) => r.upvoteCount)).toEqual(results.map(() => 1));
    expect(await counter("2501.00050")).toEqual({ counter: 1, rows: 1 });
    expect(await getUpvotedPaperIds({ userId: reader.id, paperIds: ["2501.00050", "2501.00200"] })).toEqual(["2501.00050"]);
  });

  it("give a reader their own upvotes and the live counts in one answer", async () => {
    await makePaper({ id: "2501.00301" });
    await makePaper({ id: "2501.00302" });
    const [reader, other] = await makeUsers(2, "own");
    await castPaperVote({ userId: reader, paperId: "2501.00301" });
    await castPaperVote({ userId: other, paperId: "2501.00301" });
    await castPaperVote({ userId: other, paperId: "2501.00302" });
    expect(await getReaderPaperVotes({ userId: reader, paperIds: ["2501.00301", "2501.00302", "2501.99999"] })).toEqual({
      upvoted: ["2501.00301"],
      counts: { "2501.00301": 2, "2501.00302": 1 },
    });
    expect(await getReaderPaperVotes({ userId: reader, paperIds: [] })).toEqual({ upvoted: [], counts: {} });
    // One prepared statement (db/prepared.ts) answers lists of any length, for any reader.
    expect(await getReaderPaperVotes({ userId: other, paperIds: ["2501.00302"] })).toEqual({ upvoted: ["2501.00302"], counts: { "2501.00302": 1 } });
  });

  it("come with the session's users row in /api/me's one statement, and not for an account that is gone", async () => {
    await makePaper({ id: "2501.00311" });
    await makePaper({ id: "2501.00312" });
    const [reader, other, gone] = await makeUsers(3, "me");
    await castPaperVote({ userId: reader, paperId: "2501.00311" });
    await castPaperVote({ userId: other, paperId: "2501.00311" });
    await castPaperVote({ userId: other, paperId: "2501.00312" });
    const paperIds = ["2501.00311", "2501.00312", "2501.99998"];

    const mine = await getSessionUserWithPaperVotes({ userId: reader, paperIds });
    expect(mine.row).toMatchObject({ id: reader, username: "me0", email: "me0@test.local", role: "user", bannedAt: null });
    expect(mine.row?.createdAt).toBeInstanceOf(Date);
    expect(mine.votes).toEqual({ upvoted: ["2501.00311"], counts: { "2501.00311": 2, "2501.00312": 1 } });
    expect(mine.votes).toEqual(await getReaderPaperVotes({ userId: reader, paperIds }));
    // The same prepared statement, another reader and list.
    expect((await getSessionUserWithPaperVotes({ userId: other, paperIds: ["2501.00312"] })).votes).toEqual({ upvoted: ["2501.00312"], counts: { "2501.00312": 1 } });
    expect((await getSessionUserWithPaperVotes({ userId: other, paperIds: ["2501.99998"] })).votes).toEqual({ upvoted: [], counts: {} });

    await getDb().update(users).set({ deletedAt: new Date() }).where(eq(users.id, gone));
    expect(await getSessionUserWithPaperVotes({ userId: gone, paperIds })).toEqual({ row: null, votes: { upvoted: [], counts: {} } });
    expect(await getSessionUserWithPaperVotes({ userId: "no-such-user", paperIds })).toEqual({ row: null, votes: { upvoted: [], counts: {} } });
  });

  it("keep the counter equal to the rows through a random vote/unvote storm", async () => {
    await makePaper({ id: "2501.07777" });
    const readers = await makeUsers(30, "storm");
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const operations = Array.from({ length: 400 }, () => {
      const userId = readers[Math.floor(random() * readers.length)];
      return random() < 0.55 ? castPaperVote({ userId, paperId: "2501.07777" }) : removePaperVote({ userId, paperId: "2501.07777" });
    });
    await Promise.all(operations);
    const { counter: count, rows } = await counter("2501.07777");
    expect(count).toBe(rows);
    expect(rows).toBeGreaterThan(0);
  });

  it("taking an upvote back twice moves the counter once", async () => {
    await makePaper({ id: "2501.00002" });
    const reader = await makeUser();
    await castPaperVote({ userId: reader.id, paperId: "2501.00002" });
    const results = await Promise.all([1, 2, 3].map(() => removePaperVote({ userId: reader.id, paperId: "2501.00002" })));
    expect(results.filter((r) => r.changed)).toHaveLength(1);
    expect(results.map((r) => r.upvoteCount)).toEqual([0, 0, 0]);
    expect(await counter("2501.00002")).toEqual({ counter: 0, rows: 0 });
  });

  it("refuses a vote on an unknown paper and stores nothing", async () => {
    const reader = await makeUser();
    await expect(castPaperVote({ userId: reader.id, paperId: "2501.99999" })).rejects.toMatchObject({ code: "not_found" });
    const rows = await getDb().execute(sql`select count(*)::int as n from votes where paper_id = '2501.99999'`);
    const [row] = (Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { n: number }[];
    expect(Number(row.n)).toBe(0);
    await expect(removePaperVote({ userId: reader.id, paperId: "2501.99999" })).rejects.toBeInstanceOf(AppError);
  });

  it("count their rate limits in the same statement: over the limit, nothing changes and the wait is given", async () => {
    const reader = await makeUser();
    const papers = ["2501.04001", "2501.04002", "2501.04003", "2501.04004", "2501.04005"];
    for (const id of papers) await makePaper({ id });
    const now = new Date();
    const rateLimits = [
      { key: `vote:user:${reader.id}`, limit: 3, windowSeconds: 60 },
      { key: "vote:ip:198.51.100.7", limit: 100, windowSeconds: 60 },
    ];
    // Five at once against a limit of three: exactly three land, the others are refused whole.
    const settled = await Promise.allSettled(papers.map((paperId) => castPaperVote({ userId: reader.id, paperId, rateLimits, now })));
    const landed = settled.filter((s) => s.status === "fulfilled");
    const refused = settled.flatMap((s) => (s.status === "rejected" ? [s.reason] : []));
    expect(landed).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const error of refused) expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
    for (const id of papers) expect((await counter(id)).counter).toBe((await counter(id)).rows);
    const voted = await getUpvotedPaperIds({ userId: reader.id, paperIds: papers });
    expect(voted).toHaveLength(3);
    // Taking one back is refused too while the window lasts, and leaves the vote in place.
    await expect(removePaperVote({ userId: reader.id, paperId: voted[0], rateLimits, now })).rejects.toMatchObject({ code: "rate_limited" });
    expect(await getUpvotedPaperIds({ userId: reader.id, paperIds: papers })).toHaveLength(3);
    // The address's bucket counted every attempt, refused or not.
    const [row] = rowsOf<{ hits: number }>(await getDb().execute(sql`select hits from rate_limit_buckets where key = 'vote:ip:198.51.100.7'`));
    expect(Number(row.hits)).toBe(6);
  });
});
