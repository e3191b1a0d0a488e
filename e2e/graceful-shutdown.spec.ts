import { expect, test } from "@playwright/test";
import { testSql } from "./support/db";
import { MATH_PAPER } from "./support/math-paper";
import { extraAppPort, startAppServer } from "./support/app-server";

// SIGTERM while a request is in flight, as an orchestrator sends it before removing a server:
// `next start` stops accepting connections at once, lets the request finish, then exits 143 and
// its database connections go with it. The request is made slow for real, by holding a lock on
// the table it reads (no test-only code in the app).

test("SIGTERM lets an in-flight request finish, refuses new ones, then exits and releases its connections", async () => {
  test.setTimeout(60_000);
  const locker = testSql();
  const watcher = testSql();
  const backends = async () => (await watcher<{ pid: number }[]>`select pid from pg_stat_activity where datname = current_database()`).map((r) => r.pid);
  const before = await backends();
  const app = await startAppServer({ port: extraAppPort(1), env: { DATABASE_URL: process.env.E2E_DATABASE_URL ?? "" } });
  let appBackends: number[] = [];
  try {
    let slow: Promise<Response> | undefined;
    let exited: Promise<number | null> | undefined;
    await locker.begin(async (tx) => {
      await tx`lock table papers in access exclusive mode`;
      slow = fetch(`${app.url}/api/papers/${MATH_PAPER.id}`);
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
    expect((await response.json()).id).toBe(MATH_PAPER.id);
    expect(await exited!).toBe(143);
    // The server's own backends (there while it ran, not before it started) are gone.
    await expect.poll(async () => (await backends()).filter((pid) => appBackends.includes(pid))).toEqual([]);
  } finally {
    await app.stop("SIGKILL");
    await Promise.all([locker.end(), watcher.end()]);
  }
});
