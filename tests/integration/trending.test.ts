import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getTrending } from "@/db/queries/trending";
import { comments, votes } from "@/db/schema";
import { compareTrending, hoursSinceListed, trendingScore, type TrendingCandidate } from "@/lib/trending";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;

// "Now" is fixed: the window is 2025-03-04 … 2025-03-10, counting from 2025-03-04T00:00Z.
const NOW = new Date("2025-03-10T18:00:00Z");
const IN_WINDOW = new Date("2025-03-09T12:00:00Z");
const BEFORE_WINDOW = new Date("2025-03-03T23:00:00Z");
const AFTER_NOW = new Date("2025-03-10T19:00:00Z");

// What each paper should count, stated independently of the SQL. [votes in window, comments in window]
type Case = { id: string; listings: string[]; votes: number; oldVotes?: number; comments?: number; goneComments?: number; hiddenFirst?: string };
const CASES: Case[] = [
  { id: "2503.10001", listings: ["2025-03-10"], votes: 3 }, // fresh, a few votes
  { id: "2503.10002", listings: ["2025-03-09"], votes: 9, comments: 4 }, // a day old, popular and discussed
  { id: "2503.10003", listings: ["2025-03-05", "2025-03-10"], votes: 12, oldVotes: 5 }, // old; re-listing does not rejuvenate
  { id: "2503.10004", listings: ["2025-03-04"], votes: 20 }, // the window's first day
  { id: "2503.10005", listings: ["2025-03-10"], votes: 0, comments: 2, goneComments: 3 }, // only live comments count
  { id: "2503.10006", listings: ["2025-03-08"], votes: 2, comments: 2 }, // ties 2503.10007 on score, fewer upvotes
  { id: "2503.10007", listings: ["2025-03-08"], votes: 3 },
  { id: "2503.10008", listings: ["2025-03-07"], votes: 0 }, // nothing happened: left out
  { id: "2503.10009", listings: ["2025-03-03", "2025-03-09"], votes: 10 }, // first listed before the window: out
  { id: "2503.10010", listings: ["2025-03-11"], votes: 10 }, // tomorrow's list: out
  { id: "2503.10011", listings: ["2025-03-10"], votes: 6, hiddenFirst: "2025-03-02" }, // a hidden earlier listing does not age it
];

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  const readers = await Promise.all(Array.from({ length: 25 }, () => makeUser()));
  for (const c of CASES) {
    await makePaper({ id: c.id, upvoteCount: c.votes + (c.oldVotes ?? 0) });
    for (const day of c.listings) await listPaper({ paperId: c.id, day });
    if (c.hiddenFirst) await listPaper({ paperId: c.id, day: c.hiddenFirst, hidden: true });
    const voters = readers.slice(0, c.votes + (c.oldVotes ?? 0) + 1);
    const rows = voters.map((reader, i) => ({
      userId: reader.id,
      paperId: c.id,
      // The extra voter voted after "now" (a clock skew, or a test rerun): never counted.
      createdAt: i < c.votes ? IN_WINDOW : i < c.votes + (c.oldVotes ?? 0) ? BEFORE_WINDOW : AFTER_NOW,
    }));
    await getDb().insert(votes).values(rows);
    const commentRows = [
      ...Array.from({ length: c.comments ?? 0 }, () => ({})),
      ...Array.from({ length: c.goneComments ?? 0 }, (_, i) => (i % 2 ? { deletedAt: IN_WINDOW } : { hiddenAt: IN_WINDOW })),
    ].map((state, i) => ({ paperId: c.id, authorId: readers[i].id, body: "A comment.", createdAt: IN_WINDOW, ...state }));
    if (commentRows.length > 0) await getDb().insert(comments).values(commentRows);
  }
});

afterAll(async () => {
  await drop();
});

function expected(): TrendingCandidate[] {
  return CASES.filter((c) => c.listings[0] >= "2025-03-04" && c.listings[0] <= "2025-03-10" && c.votes + (c.comments ?? 0) > 0)
    .map((c) => ({ id: c.id, upvotes: c.votes, comments: c.comments ?? 0, firstListedDay: c.listings[0], ageHours: hoursSinceListed(c.listings[0], NOW) }))
    .sort(compareTrending);
}

describe("getTrending", () => {
  it("orders papers exactly as lib/trending.ts does", async () => {
    const list = await getTrending({ now: NOW });
    expect(list.map((p) => p.id)).toEqual(expected().map((p) => p.id));
  });

  it("reports the inputs and the score it ranked by", async () => {
    const list = await getTrending({ now: NOW });
    for (const want of expected()) {
      const got = list.find((p) => p.id === want.id)!;
      expect({ id: got.id, upvotes: got.upvotesInWindow, comments: got.commentsInWindow, firstListedDay: got.firstListedDay }).toEqual({
        id: want.id,
        upvotes: want.upvotes,
        comments: want.comments,
        firstListedDay: want.firstListedDay,
      });
      expect(got.ageHours).toBeCloseTo(want.ageHours, 9);
      expect(got.score).toBeCloseTo(trendingScore(want), 12);
    }
  });

  it("ranks fresh papers with a few votes above older ones with many more", async () => {
    const ids = (await getTrending({ now: NOW })).map((p) => p.id);
    expect(ids.slice(0, 2)).toEqual(["2503.10011", "2503.10001"]);
    expect(ids.indexOf("2503.10001")).toBeLessThan(ids.indexOf("2503.10002"));
    expect(ids.indexOf("2503.10002")).toBeLessThan(ids.indexOf("2503.10004"));
    expect(ids).not.toContain("2503.10008");
    expect(ids).not.toContain("2503.10009");
    expect(ids).not.toContain("2503.10010");
  });

  it("carries what a card shows and respects the limit", async () => {
    const [top] = await getTrending({ now: NOW, limit: 1 });
    expect(top).toMatchObject({ id: "2503.10011", authors: ["Ada Lovelace"], authorCount: 1, upvoteCount: 6, pinnedPosition: null });
  });

  it("is empty when nothing was listed in the window", async () => {
    expect(await getTrending({ now: new Date("2026-01-01T00:00:00Z") })).toEqual([]);
  });
});
