import type postgres from "postgres";
import { planThread } from "./seed/generate";
import { commentText } from "./seed/text";
import { sessionCookie } from "./sessions";

// The bench's own rows in its own database: signed-in readers (with a few upvotes on the list),
// voters who have never voted (and a few hundred more who warm the vote endpoint up, never counted),
// and one paper on today's list discussed by exactly 200 comments.

export const DISCUSSION_COMMENTS = 200;

export type BenchFixtures = {
  /** Session cookies of readers who upvoted some of the home page's papers. */
  readerCookies: string[];
  /** Session cookies of accounts with no votes, one per vote request in rotation. */
  voterCookies: string[];
  /** The same for the warm-up before votes are measured: other accounts, so every measured vote is new. */
  warmUpVoterCookies: string[];
  discussedPaperId: string;
};

export async function addBenchFixtures(
  sql: postgres.Sql,
  { listedPaperIds, readers, voters, warmUpVoters, secret }: { listedPaperIds: string[]; readers: number; voters: number; warmUpVoters: number; secret: string },
): Promise<BenchFixtures> {
  const readerIds = await makeUsers(sql, "bench_reader", readers);
  const voterIds = await makeUsers(sql, "bench_voter", voters);
  const warmUpVoterIds = await makeUsers(sql, "bench_warmup", warmUpVoters);

  await sql.begin(async (tx) => {
    // Each reader upvotes every third paper of the list; counters follow the rows.
    const pairs = readerIds.flatMap((userId, r) => listedPaperIds.filter((_, i) => (i + r) % 3 === 0).map((paperId) => ({ user_id: userId, paper_id: paperId })));
    if (pairs.length > 0) await tx`insert into votes ${tx(pairs, "user_id", "paper_id")} on conflict do nothing`;
    await tx`update papers p set upvote_count = (select count(*) from votes v where v.paper_id = p.id) where p.id in ${tx(listedPaperIds)}`;
  });

  const discussedPaperId = await addDiscussion(sql, listedPaperIds, readerIds);
  return {
    readerCookies: await Promise.all(readerIds.map((userId) => sessionCookie({ userId, secret }))),
    voterCookies: await Promise.all(voterIds.map((userId) => sessionCookie({ userId, secret }))),
    warmUpVoterCookies: await Promise.all(warmUpVoterIds.map((userId) => sessionCookie({ userId, secret }))),
    discussedPaperId,
  };
}

async function makeUsers(sql: postgres.Sql, prefix: string, count: number): Promise<string[]> {
  if (count === 0) return [];
  // A month old, so they get the established accounts' rate limits.
  const rows = await sql<{ id: string }[]>`
    insert into users (id, username, name, email, created_at)
    select gen_random_uuid()::text, ${prefix} || '_' || g, 'Bench ' || g, ${prefix} || '_' || g || '@bench.paperboard.local', now() - interval '30 days'
    from generate_series(1, ${count}::int) g
    returning id`;
  return rows.map((r) => r.id);
}

/** Tops up the least-discussed paper of the list to exactly 200 live comments, threaded. */
async function addDiscussion(sql: postgres.Sql, listedPaperIds: string[], authorIds: string[]): Promise<string> {
  const [paper] = await sql<{ id: string; live: number }[]>`
    select p.id, (select count(*)::int from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null) as live
    from papers p where p.id in ${sql(listedPaperIds)} order by live, p.id limit 1`;
  const needed = DISCUSSION_COMMENTS - paper.live;
  if (needed <= 0) return paper.id;
  await sql.begin(async (tx) => {
    const ids = (await tx<{ id: number }[]>`select nextval('comments_id_seq')::int as id from generate_series(1, ${needed}::int)`).map((r) => r.id).sort((a, b) => a - b);
    const thread = planThread(7, needed, authorIds.length).map((c) => ({ ...c, deleted: false }));
    const started = Date.now() - needed * 60_000;
    const rows = thread.map((c) => ({
      id: ids[c.offset],
      paper_id: paper.id,
      author_id: authorIds[c.author],
      parent_id: c.parentOffset === null ? null : ids[c.parentOffset],
      depth: c.depth,
      body: commentText(1_000_000 + c.offset),
      created_at: new Date(started + c.offset * 60_000),
    }));
    for (let i = 0; i < rows.length; i += 500) await tx`insert into comments ${tx(rows.slice(i, i + 500))}`;
    await tx`update papers set comment_count = comment_count + ${needed} where id = ${paper.id}`;
  });
  return paper.id;
}
