import { isDatabaseUnavailable } from "./db-unavailable";

// The process's belief about its database, shared by the request handlers that see failures and
// proxy.ts, which answers 503 without rendering while the database is believed down. It lives on
// globalThis because proxy.ts is bundled apart from the routes but runs in the same process.

type OutageState = { down: boolean; since: number };

const holder = globalThis as unknown as { paperboardDbOutage?: OutageState };
const state = (holder.paperboardDbOutage ??= { down: false, since: 0 });

/** Records a failure; true when it means the database is unreachable (so answer 503). */
export function noteDatabaseError(error: unknown): boolean {
  if (!isDatabaseUnavailable(error)) return false;
  markDatabaseSuspect();
  return true;
}

/** A pooled connection closed (the server shut down, or just a recycled connection): check before trusting it. */
export function markDatabaseSuspect(now = Date.now()): void {
  if (!state.down) Object.assign(state, { down: true, since: now });
}

export function markDatabaseUp(): void {
  state.down = false;
}

export function databaseBelievedDown(): boolean {
  return state.down;
}
