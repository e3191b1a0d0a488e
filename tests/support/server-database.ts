import postgres from "postgres";

export type ServerDatabase = { name: string; url: string; drop: () => Promise<void> };

/**
 * A new database on the PostgreSQL server at `serverUrl`, empty or a copy of `template`, named
 * `paperboard_<purpose>_<pid>_<random>` so that parallel runs never collide. `drop` forces out any
 * connection still open to it, so a test that leaked one cannot leave the database behind.
 */
export async function createServerDatabase(serverUrl: string, purpose: string, { template }: { template?: string } = {}): Promise<ServerDatabase> {
  const name = `paperboard_${purpose}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}${template ? ` template ${template}` : ""}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
