import { noteDatabaseError } from "@/lib/db-outage";

// Runs once when a server process starts: the cached pages' own request preparation, response
// compression and graceful shutdown. Node only: the edge runtime has no HTTP server, signals or pool.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const marker = globalThis as unknown as { paperboardServerHooksInstalled?: boolean };
  if (marker.paperboardServerHooksInstalled) return;
  marker.paperboardServerHooksInstalled = true;
  const [{ closeConnectionsAfterResponses, installGracefulShutdown }, { compressResponses }, { closeDb }, { installRequestPreparation }] = await Promise.all([
    import("./lib/shutdown"),
    import("./lib/response-compression"),
    import("./db/client"),
    import("./lib/request-preparation"),
  ]);
  // First, so that no client's claim to be prepared outlives its request's start.
  await installRequestPreparation();
  compressResponses();
  const keepAlive = closeConnectionsAfterResponses();
  installGracefulShutdown({ close: closeDb, onSignal: keepAlive.shed });
}

// Next calls this for every error a render, route handler or Server Action throws. A connection
// error opens the outage circuit, so the next requests get proxy.ts's 503 instead of a failing render.
export function onRequestError(error: unknown): void {
  noteDatabaseError(error);
}
