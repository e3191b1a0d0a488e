import { noteDatabaseError } from "@/lib/db-outage";

// Runs once when a server process starts. Node only: the edge runtime has no signals or pool.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const marker = globalThis as unknown as { paperboardShutdownInstalled?: boolean };
  if (marker.paperboardShutdownInstalled) return;
  marker.paperboardShutdownInstalled = true;
  const [{ closeConnectionsAfterResponses, installGracefulShutdown }, { closeDb }] = await Promise.all([import("./lib/shutdown"), import("./db/client")]);
  const keepAlive = closeConnectionsAfterResponses();
  installGracefulShutdown({ close: closeDb, onSignal: keepAlive.shed });
}

// Next calls this for every error a render, route handler or Server Action throws. A connection
// error opens the outage circuit, so the next requests get proxy.ts's 503 instead of a failing render.
export function onRequestError(error: unknown): void {
  noteDatabaseError(error);
}
