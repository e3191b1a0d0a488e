import { expect, test } from "@playwright/test";
import postgres from "postgres";
import { migrateDatabase } from "@/db/migrator";
import { clusterUnavailableReason, createCluster } from "../tests/support/pg-cluster";
import { extraAppPort, startAppServer } from "./support/app-server";

// SIGTERM while a request is in flight, as an orchestrator sends it before removing a server:
// `next start` stops accepting connections at once, lets the request finish, then exits 143 and
// its database connections go with it. The request is made slow for real, by holding a lock on
// the table it reads (no test-only code in the app). A private cluster, so the lock and the
// connection count concern this test alone (and work when the suite runs on embedded PGlite).

const skipReason = clusterUnavailableReason();
test.skip(skipReason !== null, `needs a private PostgreSQL cluster: ${skipReason}`);
const PAPER = "2411.00801";

test("SIGTERM lets an in-flight request finish, refuses new ones, then exits and releases its connections", async () => {
  test.setTimeout(90_000);
  const cluster = await createCluster();
  await migrateDatabase({ kind: "server", url: cluster.url() });
  const connect = () => postgres(cluster.url(), { max: 1, onnotice: () => {} });
  const locker = connect();
  const watcher = connect();
  await watcher`insert into papers (id, title, abstract) values (${PAPER}, ${"Draining gracefully"}, ${"In flight."})`;
  const backends = async () => (await watcher<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`).map((r) => r.pid);
  const before = await backends();
  const app = await startAppServer({ port: extraAppPort(1), env: { DATABASE_URL: cluster.url() } });
  let appBackends: number[] = [];
  try {
    let slow: Promise<Response> | undefined;
    let exited: Promise<number | null> | undefined;
    await locker.begin(async (tx) => {
      await tx`lock table papers in access exclusive mode`;
      slow = fetch(`${app.url}/api/papers/${PAPER}`);
      await expect
        .poll(async () => (await watcher`select count(*)::int as n from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()`)[0].n)
        .toBeGreaterThan(0);

      const [{ pid: lockerPid }] = await tx<{ pid: number }[]>`select pg_backend_pid() as pid`;
      appBackends = (await backends()).filter((pid) => !before.includes(pid) && pid !== lockerPid);
      expect(appBackends.length).toBeGreaterThan(0);
      exited = app.stop("SIGTERM");
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(app.process.exitCode).toBeNull(); // still draining
      await expect(fetch(`${app.url}/api/health`)).rejects.toThrow(); // no longer listening
    }); // commit: the lock goes, the request proceeds

    const response = await slow!;
    expect(response.status).toBe(200);
    expect((await response.json()).id).toBe(PAPER);
    expect(await exited!).toBe(143);
    // The server's own backends (there while it ran, not before it started) are gone.
    await expect.poll(async () => (await backends()).filter((pid) => appBackends.includes(pid))).toEqual([]);
  } finally {
    await app.stop("SIGKILL");
    await Promise.all([locker.end(), watcher.end()]);
    await cluster.remove();
  }
});
