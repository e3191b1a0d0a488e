import http from "node:http";
import { expect, test } from "@playwright/test";
import { extraPort, sessionCookie, signedInClient, startAppServer, type AppServer } from "./support/app-server";
import { testSql } from "./support/db";
import { seedReader } from "./support/readers";

// SIGTERM (a deploy, a scale-down): the server stops taking new connections, finishes the
// request in flight, closes its database pool and exits 0 (instrumentation.ts, lib/shutdown.ts).

const sql = testSql();
let server: AppServer | undefined;
test.afterAll(async () => {
  await server?.stop();
  await sql.end();
});

test("a slow request in flight when SIGTERM arrives still completes; then the pool closes and the process exits 0", async () => {
  const port = extraPort(30);
  server = await startAppServer({ port, env: { AUTH_URL: `http://localhost:${port}` } });
  const reader = await seedReader(sql, "leaver");
  const client = await signedInClient(server.origin, reader.email);
  const cookie = await sessionCookie(client);
  await client.dispose();
  const [{ id: paperId }] = await sql<{ id: string }[]>`select id from papers order by id limit 1`;

  // A vote whose body arrives slowly: the server is mid-request when it is told to stop.
  const body = JSON.stringify({ paperId, upvoted: true });
  let sent!: () => void;
  const response = new Promise<{ status: number; json: { upvoted?: boolean } }>((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path: "/api/votes/papers", method: "POST", agent: false, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), cookie } },
      (res) => {
        let text = "";
        res.on("data", (c) => (text += c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
      },
    );
    req.on("error", reject);
    req.write(body.slice(0, 10));
    sent = () => req.end(body.slice(10));
  });
  await new Promise((r) => setTimeout(r, 300)); // the headers and half the body are in

  server.child.kill("SIGTERM");
  // New connections are refused at once…
  await expect.poll(async () => fetch(`${server!.origin}/api/health`).then(() => "accepted", () => "refused"), { timeout: 5_000 }).toBe("refused");
  expect(server.child.exitCode).toBeNull(); // …but the process waits for the request in flight.

  await new Promise((r) => setTimeout(r, 1_000));
  sent();
  const answer = await response;
  expect(answer.status).toBe(200);
  expect(answer.json.upvoted).toBe(true);
  expect(await sql`select 1 from votes where user_id = ${reader.id} and paper_id = ${paperId}`).toHaveLength(1);

  const exit = await server.exited;
  expect(exit).toEqual({ code: 0, signal: null });
  expect(server.output()).toContain("shutdown: database pool closed");
});
