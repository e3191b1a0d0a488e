import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import net from "node:net";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { closeDb, connectDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { PGLITE_EXTENSIONS } from "@/db/pglite-extensions";
import { seedDemo } from "@/db/seed/demo";
import { paperAuthors, papers, dailyEntries } from "@/db/schema";
import { createServerDatabase } from "../../tests/support/server-database";
import { MATH_PAPER } from "./math-paper";

export type PreparedDatabase = { url: string; kind: "server" | "embedded"; teardown: () => Promise<void> };


/**
 * A fresh database for one browser-test run: a new database on the server in DATABASE_URL, or,
 * without one, an embedded PGlite that this process owns and serves over the Postgres protocol,
 * so the app and the tests can both connect without two processes opening its directory.
 */
export async function prepareDatabase(): Promise<PreparedDatabase> {
  const prepared = process.env.DATABASE_URL ? await freshServerDatabase(process.env.DATABASE_URL) : await embeddedOverSocket();
  await migrateDatabase({ kind: "server", url: prepared.url });
  connectDb({ kind: "server", url: prepared.url, poolMax: 1 });
  try {
    await seedDemo(getDb());
    await getDb().insert(papers).values({ id: MATH_PAPER.id, title: MATH_PAPER.title, abstract: MATH_PAPER.abstract, upvoteCount: 0 });
    await getDb().insert(paperAuthors).values([
      { paperId: MATH_PAPER.id, position: 0, name: "Emmy Noether" },
      { paperId: MATH_PAPER.id, position: 1, name: "Srinivasa Ramanujan" },
    ]);
    await getDb().insert(dailyEntries).values({ paperId: MATH_PAPER.id, day: "2024-11-04" });
  } finally {
    await closeDb();
  }
  return prepared;
}

async function freshServerDatabase(serverUrl: string): Promise<PreparedDatabase> {
  const database = await createServerDatabase(serverUrl, "e2e");
  return { url: database.url, kind: "server", teardown: database.drop };
}

async function embeddedOverSocket(): Promise<PreparedDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-e2e-"));
  const db = new PGlite(path.join(dir, "pglite"), { extensions: PGLITE_EXTENSIONS });
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 32 });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kind: "embedded",
    teardown: async () => {
      await server.stop();
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
