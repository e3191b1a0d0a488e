import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { migrateDatabase } from "@/db/migrator";
import { createServerDatabase } from "./server-database";

// Vitest's global setup for the integration tests: the migrations run once per test run, into a
// template, and each test file's fresh database is a copy of it (tests/support/test-database.ts).
// Migrating every file's database took 3.6–8 s each on PGlite; a copy takes well under a second.

declare module "vitest" {
  export interface ProvidedContext {
    /** A migrated PGlite directory, or the name of a migrated database on DATABASE_URL's server. */
    testDatabaseTemplate: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-template-"));
    const template = path.join(dir, "pglite");
    await migrateDatabase({ kind: "embedded", dir: template });
    project.provide("testDatabaseTemplate", template);
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const template = await createServerDatabase(serverUrl, "template");
  // migrateDatabase closes its connection: a template must have none while it is copied.
  await migrateDatabase({ kind: "server", url: template.url });
  project.provide("testDatabaseTemplate", template.name);
  return template.drop;
}
