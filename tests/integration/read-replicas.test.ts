import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, connectDb, getDb, getReadDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { getRankedList } from "@/db/queries/daily-list";
import { getPaper } from "@/db/queries/papers";
import { REPLICA_RETRY_MS } from "@/db/replicas";
import { castPaperVote, getUpvotedPaperIds } from "@/db/queries/votes";
import { clusterUnavailableReason, createCluster, waitForReplay, type PgCluster } from "../support/pg-cluster";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

// DATABASE_REPLICA_URLS against a real streaming standby: a throwaway primary cluster and a
// replica of it made with pg_basebackup -R. Public reads (getReadDb) go to the replica; a reader's
// own state (getDb) to the primary, so it is fresh even while the replica lags.
//
// Skipped on the embedded pass (no DATABASE_URL): it never touches the embedded database, and the
// server pass of `npm test` has already run it; skipped too where no PostgreSQL binaries exist.
const reason = !process.env.DATABASE_URL ? "runs in the PostgreSQL-server pass only" : clusterUnavailableReason();

const DAY = "2025-03-03";
const PAPER = "2503.00101";

describe.skipIf(reason !== null)(`read replicas${reason ? ` (skipped: ${reason})` : ""}`, () => {
  let primary: PgCluster;
  let replica: PgCluster;
  let standby: postgres.Sql;

  beforeAll(async () => {
    primary = await createCluster();
    await migrateDatabase({ kind: "server", url: primary.url() });
    replica = await primary.replica({ slot: "paperboard_test_replica" });
    standby = postgres(replica.url(), { max: 1, onnotice: () => {} });
    connectDb({ kind: "server", url: primary.url(), replicaUrls: [replica.url()], poolMax: 4 });
  });

  afterAll(async () => {
    await closeDb();
    await standby?.end();
    await replica?.remove();
    await primary?.remove();
  });

  const inRecovery = async (db: ReturnType<typeof getDb>) => {
    const [row] = await db.select({ standby: sql<boolean>`pg_is_in_recovery()` }).from(sql`(select 1) as one`);
    return row.standby;
  };

  it("sends getReadDb's selects to the standby and getDb's to the primary", async () => {
    expect(await inRecovery(getReadDb())).toBe(true);
    expect(await inRecovery(getDb())).toBe(false);
  });

  it("shows a write on the primary through the replica once it is replayed", async () => {
    const author = await makeUser();
    await makePaper({ id: PAPER, title: "Streaming standbys in practice" });
    await listPaper({ paperId: PAPER, day: DAY });
    await castPaperVote({ userId: author.id, paperId: PAPER });
    await waitForReplay(primary.url(), replica.url());
    const list = await getRankedList({ start: DAY, end: DAY });
    expect(list.map((p) => [p.id, p.upvoteCount])).toEqual([[PAPER, 1]]);
    expect((await getPaper({ id: PAPER }))?.title).toBe("Streaming standbys in practice");
  });

  it("keeps a reader's own vote fresh while public pages read a paused replica", async () => {
    await standby`select pg_wal_replay_pause()`;
    try {
      const reader = await makeUser();
      const vote = await castPaperVote({ userId: reader.id, paperId: PAPER });
      expect(vote).toMatchObject({ upvoted: true, upvoteCount: 2 });
      // The reader's own state comes from the primary: their vote is there at once…
      expect(await getUpvotedPaperIds({ userId: reader.id, paperIds: [PAPER] })).toEqual([PAPER]);
      expect((await getPaper({ id: PAPER, primary: true }))?.upvoteCount).toBe(2);
      // …while the shared list, read from the paused replica, still shows the old count.
      expect((await getRankedList({ start: DAY, end: DAY }))[0].upvoteCount).toBe(1);
      expect((await getPaper({ id: PAPER }))?.upvoteCount).toBe(1);
    } finally {
      await standby`select pg_wal_replay_resume()`;
    }
    await waitForReplay(primary.url(), replica.url());
    expect((await getRankedList({ start: DAY, end: DAY }))[0].upvoteCount).toBe(2);
  });

  it("leaves a stopped replica out, reading the primary, and takes it back once it returns", async () => {
    await replica.stop();
    // Its pooled connections closed with it, so public reads go to the primary at once.
    await vi.waitFor(async () => expect(await inRecovery(getReadDb())).toBe(false), { timeout: 5_000 });
    expect((await getRankedList({ start: DAY, end: DAY }))[0].upvoteCount).toBe(2);
    await replica.start();
    await vi.waitFor(async () => expect(await inRecovery(getReadDb())).toBe(true), { timeout: REPLICA_RETRY_MS + 5_000, interval: 250 });
  });
});
