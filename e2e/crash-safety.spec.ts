import { expect, test, type APIRequestContext } from "@playwright/test";
import { extraPort, serverActionId, signedInClient, startAppServer, type AppServer } from "./support/app-server";
import { testSql } from "./support/db";
import { seedPaper } from "./support/discussion";
import { seedReader } from "./support/readers";

// Issue 7, crash safety: a server killed with SIGKILL in the middle of a storm of votes and
// comments from many signed-in readers. Every write it acknowledged must be there after a
// restart, whole, and the counters must still equal count(*).

const sql = testSql();
let server: AppServer | undefined;
test.afterAll(async () => {
  await server?.stop();
  await sql.end();
});

const READERS = 12;
const COMMENT_ACTION = ["app/(site)/papers/[...id]/actions.ts", "addCommentAction"] as const;

type Acked = { votes: { userId: string; paperId: string }[]; comments: { id: number; userId: string; paperId: string; body: string }[] };

async function postComment(client: APIRequestContext, origin: string, actionId: string, paperId: string, body: string): Promise<number | null> {
  // What the browser sends for the comment form's Server Action.
  const response = await client.post(`/papers/${paperId}`, {
    headers: { "next-action": actionId, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8", origin },
    data: JSON.stringify([{ paperId, parentId: null, body }]),
  });
  if (!response.ok()) return null;
  const id = /"ok":true,"data":\{"id":(\d+)\}/.exec(await response.text())?.[1];
  return id ? Number(id) : null;
}

test("a server killed mid-storm loses no acknowledged vote or comment, and counters stay exact", async () => {
  test.setTimeout(180_000);
  const port = extraPort(20);
  const env = { AUTH_URL: `http://localhost:${port}` };
  server = await startAppServer({ port, env });
  const origin = server.origin;
  const actionId = serverActionId(...COMMENT_ACTION);

  const readers = await Promise.all(Array.from({ length: READERS }, (_, i) => seedReader(sql, `storm${i}`)));
  const clients: APIRequestContext[] = [];
  for (const reader of readers) clients.push(await signedInClient(origin, reader.email)); // argon2: one at a time
  const votable = (await sql<{ id: string }[]>`select id from papers order by id limit 40`).map((r) => r.id);
  const discussed = [await seedPaper(sql, "A storm of comments"), await seedPaper(sql, "Another storm of comments")];

  const acked: Acked = { votes: [], comments: [] };
  let killed = false;
  let attempts = 0;
  const storm = clients.map(async (client, i) => {
    for (let n = 0; !killed; n++) {
      attempts += 1;
      try {
        if (n % 3 === 2) {
          const paperId = discussed[n % 2];
          const body = `storm comment ${i}-${n}: ${"words ".repeat(20)}end`;
          const id = await postComment(client, origin, actionId, paperId, body);
          if (id !== null) acked.comments.push({ id, userId: readers[i].id, paperId, body });
        } else {
          const paperId = votable[(i * 7 + n) % votable.length];
          const response = await client.post("/api/votes/papers", { data: { paperId, upvoted: true } });
          if (response.ok() && ((await response.json()) as { upvoted: boolean }).upvoted) acked.votes.push({ userId: readers[i].id, paperId });
        }
      } catch {
        // The connection died with the server: not acknowledged, so either outcome is allowed.
      }
    }
  });

  // Kill it once the storm is well under way, with requests in flight.
  await expect.poll(() => acked.votes.length + acked.comments.length, { timeout: 60_000 }).toBeGreaterThan(60);
  killed = true;
  server.child.kill("SIGKILL");
  expect((await server.exited).signal).toBe("SIGKILL");
  await Promise.all(storm);
  console.log(`crash-safety: ${attempts} writes attempted, ${acked.votes.length} votes and ${acked.comments.length} comments acknowledged before SIGKILL`);
  expect(acked.comments.length).toBeGreaterThan(0);

  server = await startAppServer({ port, env });

  // Every acknowledged vote is a row.
  const userIds = readers.map((r) => r.id);
  const voteRows = await sql<{ user_id: string; paper_id: string }[]>`select user_id, paper_id from votes where user_id in ${sql(userIds)}`;
  const stored = new Set(voteRows.map((v) => `${v.user_id}/${v.paper_id}`));
  expect(acked.votes.filter((v) => !stored.has(`${v.userId}/${v.paperId}`))).toEqual([]);

  // Every acknowledged comment is there, whole, by its author.
  const commentRows = await sql<{ id: number; author_id: string; paper_id: string; body: string }[]>`
    select id, author_id, paper_id, body from comments where id in ${sql(acked.comments.map((c) => c.id))}`;
  const byId = new Map(commentRows.map((c) => [c.id, c]));
  for (const comment of acked.comments) {
    expect(byId.get(comment.id)).toEqual({ id: comment.id, author_id: comment.userId, paper_id: comment.paperId, body: comment.body });
  }
  // Nothing half-written: no comment from the storm without its full body.
  const partial = await sql`select id from comments where author_id in ${sql(userIds)} and (body is null or body !~ '^storm comment [0-9]+-[0-9]+: (words ){20}end$')`;
  expect(partial).toEqual([]);

  // Counters equal count(*) everywhere, not just on the papers the storm touched.
  expect(await sql`select id from papers p where upvote_count <> (select count(*) from votes v where v.paper_id = p.id)`).toEqual([]);
  expect(
    await sql`select id from papers p where comment_count <> (select count(*) from comments c where c.paper_id = p.id and c.deleted_at is null and c.hidden_at is null)`,
  ).toEqual([]);

  // The restarted server serves the same state, to the same sessions (the cookies outlive the process).
  const listed = (await (await fetch(`${server.origin}/api/papers/${discussed[0]}/comments`)).json()) as { id: string }[];
  const listedIds = new Set(listed.map((c) => Number(c.id)));
  for (const comment of acked.comments.filter((c) => c.paperId === discussed[0])) expect(listedIds.has(comment.id)).toBe(true);
  const mine = acked.votes.filter((v) => v.userId === readers[0].id).map((v) => v.paperId);
  const state = (await (await clients[0].get(`/api/me/votes?papers=${[...new Set(mine)].join(",")}`)).json()) as { signedIn: boolean; upvoted: string[] };
  expect(state.signedIn).toBe(true);
  // At least the acknowledged ones; a vote in flight at the kill may have committed too.
  expect(mine.filter((id) => !state.upvoted.includes(id))).toEqual([]);
  // And it takes writes again.
  expect((await clients[1].post("/api/votes/papers", { data: { paperId: votable[39], upvoted: true } })).status()).toBe(200);
  await Promise.all(clients.map((c) => c.dispose()));
});
