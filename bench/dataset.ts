import postgres from "postgres";
import { closeDb, connectDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { seedDemo } from "@/db/seed/demo";
import { todayUtc } from "@/lib/dates";
import { prepareDatabase, type PreparedDatabase } from "../e2e/support/prepare-database";
import { progressBar } from "./seed/copy";
import type { SeedSizes } from "./seed/generate";
import { seedSynthetic, type SeedResult } from "./seed/seed";

// The database a run measures. Demo data alone: a fresh one like the browser tests'. With a
// synthetic dataset: a copy of a kept template database holding the demo seed plus `bench:seed`
// at those sizes, so the minutes of seeding happen once (the template is re-seeded only when the
// sizes' list no longer ends today). Each run works on its own copy and drops it afterwards.

export type BenchDatabase = PreparedDatabase & { dataset: SeedSizes; template: string | null; seed: SeedResult | null };

export const templateName = (s: SeedSizes) => `paperboard_bench_dataset_${s.papers}_${s.users}_${s.votes}_${s.comments}`;

export async function benchDatabase(serverUrl: string, sizes: SeedSizes): Promise<BenchDatabase> {
  if (sizes.papers === 0) return { ...(await prepareDatabase()), dataset: sizes, template: null, seed: null };
  const template = templateName(sizes);
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`select 1 from pg_database where datname = ${template}`;
    if (!exists) await admin.unsafe(`create database ${template}`);
    const templateUrl = withDatabase(serverUrl, template);
    await migrateDatabase({ kind: "server", url: templateUrl });
    connectDb({ kind: "server", url: templateUrl, poolMax: 1 });
    try {
      await seedDemo(getDb());
    } finally {
      await closeDb();
    }
    const sql = postgres(templateUrl, { max: 1, onnotice: () => {} });
    let seed: SeedResult;
    try {
      console.log(`bench: dataset ${template} (seeded once, then copied for each run)`);
      seed = await seedSynthetic(sql, sizes, { today: todayUtc(), progress: progressBar() });
    } finally {
      await sql.end();
    }
    const name = `paperboard_bench_${process.pid}_${Date.now().toString(36)}`;
    // FILE_COPY (PostgreSQL 15+) copies the files; the default WAL_LOG strategy writes the whole
    // dataset (~0.7 GB) through the WAL, and the checkpoints that follow ran into the first targets.
    const [{ version }] = await admin<{ version: number }[]>`select current_setting('server_version_num')::int as version`;
    await admin.unsafe(`create database ${name} template ${template}${version >= 150000 ? " strategy file_copy" : ""}`);
    return {
      url: withDatabase(serverUrl, name),
      kind: "server",
      dataset: sizes,
      template,
      seed,
      teardown: async () => {
        await admin.unsafe(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  } catch (error) {
    await admin.end();
    throw error;
  }
}

export function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
