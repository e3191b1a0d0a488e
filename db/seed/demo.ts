import { eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { addDays, todayUtc, type Day } from "@/lib/dates";
import type { Db } from "../client";
import { dailyEntries, paperAuthors, papers, users, votes } from "../schema";
import seedPapersJson from "./seed-papers.json";

// The demo data: 55 real arXiv papers spread over the seven days ending today, a dozen demo
// readers who submitted and upvoted them. Safe to run again: it converges to the same state,
// moving the demo list so that it always ends today.

const SeedPaper = z.object({
  arxivId: z.string(),
  title: z.string().min(1),
  authors: z.array(z.string().min(1)).min(1),
  publishedAt: z.string().date().nullable(),
  abstract: z.string().min(1),
});

export const DEMO_USERS = [
  ["alice", "Alice Liddell"],
  ["bob", "Bob Hopper"],
  ["carol", "Carol Shannon"],
  ["dave", "Dave Knuth"],
  ["erin", "Erin Noether"],
  ["frank", "Frank Rosenblatt"],
  ["grace", "Grace Lovelace"],
  ["heidi", "Heidi Hamilton"],
  ["ivan", "Ivan Sutherland"],
  ["judy", "Judy Pearl"],
  ["ken", "Ken Thompson"],
  ["lena", "Lena Kolmogorov"],
] as const;

export const DEMO_DAYS = 7;

// Documented in the seed's printout and the README: every demo reader signs in with it.
export const DEMO_PASSWORD = "paperboard-demo";

export const demoEmail = (username: string) => `${username}@demo.paperboard.local`;

export type SeedSummary = { papers: number; users: number; votes: number; days: Day[] };

/** `now` decides which day is today; no demo entry is dated after it. */
export async function seedDemo(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<SeedSummary> {
  const today = todayUtc(now);
  const seedPapers = z.array(SeedPaper).parse(seedPapersJson);
  const paperIds = seedPapers.map((p) => p.arxivId);

  // Hashed outside the transaction: argon2 is deliberately slow and the transaction need not wait.
  const passwordHashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));

  // A month before the list starts: older than the demo's activity, and past new accounts' tighter limits.
  const joined = new Date(`${addDays(today, -30)}T00:00:00Z`);

  return db.transaction(async (tx) => {
    await tx
      .insert(users)
      .values(
        DEMO_USERS.map(([username, name], index) => ({
          username,
          name,
          email: demoEmail(username),
          emailVerified: joined,
          passwordHash: passwordHashes[index],
          createdAt: joined,
        })),
      )
      // A re-run resets the demo password (and gives databases seeded before accounts existed one),
      // and moves the join date with the list, so no reader joined after their own submissions.
      .onConflictDoUpdate({ target: users.username, set: { passwordHash: sql`excluded.password_hash`, createdAt: sql`excluded.created_at` } });
    const demoUsers = await tx
      .select({ id: users.id, username: users.username })
      .from(users)
      .where(inArray(users.username, DEMO_USERS.map(([u]) => u)))
      .orderBy(users.username);

    for (const paper of seedPapers) {
      const values = {
        id: paper.arxivId,
        title: paper.title,
        abstract: paper.abstract,
        publishedAt: paper.publishedAt ? new Date(`${paper.publishedAt}T00:00:00Z`) : null,
      };
      await tx.insert(papers).values(values).onConflictDoUpdate({ target: papers.id, set: values });
    }
    // Replacing the authors also refreshes papers.author_names, and so search, by trigger (the
    // search_author_names migration): nothing more to do here for search, on the first run or the tenth.
    await tx.delete(paperAuthors).where(inArray(paperAuthors.paperId, paperIds));
    await tx.insert(paperAuthors).values(
      seedPapers.flatMap((paper) => paper.authors.map((name, position) => ({ paperId: paper.arxivId, position, name }))),
    );

    // The demo list always ends today: replace the seed's own entries with freshly dated ones.
    const demoUserIds = demoUsers.map((u) => u.id);
    await tx.delete(dailyEntries).where(inArray(dailyEntries.submittedById, demoUserIds));
    const days = Array.from({ length: DEMO_DAYS }, (_, i) => addDays(today, -i));
    await tx
      .insert(dailyEntries)
      .values(
        seedPapers.map((paper, index) => {
          const day = days[index % DEMO_DAYS];
          const minutes = 6 * 60 + Math.floor(index / DEMO_DAYS) * 47; // spread over the morning
          const dayStart = Date.parse(`${day}T00:00:00Z`);
          // Early in the day, today's entries are squeezed in before now: feeds must not carry future dates.
          const at = Math.max(dayStart, Math.min(dayStart + minutes * 60_000, now.getTime() - (seedPapers.length - index) * 1000));
          return { paperId: paper.arxivId, day, submittedById: demoUserIds[index % demoUserIds.length], submittedAt: new Date(at) };
        }),
      )
      .onConflictDoNothing();

    // A long tail of votes: a few papers are popular, most get one or two.
    const random = mulberry32(20240123);
    const voteRows = seedPapers.flatMap((paper, index) => {
      const appeal = Math.pow(random(), 2.5);
      return demoUsers.filter(() => random() < appeal + (index % 9 === 0 ? 0.35 : 0)).map((u) => ({ userId: u.id, paperId: paper.arxivId }));
    });
    if (voteRows.length > 0) await tx.insert(votes).values(voteRows).onConflictDoNothing();

    // Counters are derived from the rows, never trusted from a previous run.
    await tx
      .update(papers)
      .set({ upvoteCount: sql`(select count(*) from ${votes} where ${votes.paperId} = ${papers.id})::int` })
      .where(inArray(papers.id, paperIds));
    const [{ total }] = await tx
      .select({ total: sql<number>`count(*)::int` })
      .from(votes)
      .where(inArray(votes.paperId, paperIds));

    return { papers: seedPapers.length, users: demoUsers.length, votes: total, days: days.slice().reverse() };
  });
}

/** A small seeded PRNG so the demo's votes are the same on every machine. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function demoUserId(db: Db, username: string): Promise<string | null> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return row?.id ?? null;
}
