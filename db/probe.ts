import postgres from "postgres";

/**
 * One `select 1` on a fresh connection of its own, given up after `timeoutMs`: proxy.ts asks this
 * (at most once a second, and only while the database is believed down) to learn that it is back.
 * A connection of its own, because the app's pool may itself be what is stuck.
 */
export async function probeServer({ url, timeoutMs }: { url: string; timeoutMs: number }): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: Math.ceil(timeoutMs / 1000), idle_timeout: 1, onnotice: () => {} });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([sql`select 1`.then(() => true, () => false), timeout]);
  } finally {
    clearTimeout(timer);
    void sql.end({ timeout: 0 }).catch(() => {});
  }
}
