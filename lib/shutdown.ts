import type http from "node:http";
import { onRequestStart } from "./request-start";

// Graceful shutdown for `next start`. On SIGTERM, Next's own handler (next/dist/server/lib/
// start-server.js) already calls server.close(): no new connections, idle keep-alive ones closed,
// and it waits for the rest to end; then it calls process.exit(143) at once. Three gaps:
// - a keep-alive connection busy at that moment stays open afterwards, and a proxy that keeps
//   reusing it (nginx's upstream keepalive) holds the drain open for as long as traffic flows;
// - our database pool is never closed (PGlite must be, to leave its directory clean; a server pool
//   should say goodbye rather than drop its sockets);
// - 143 reads as a failure to service managers.
// So from SIGTERM on, every response not yet started says `Connection: close` (the proxy then
// stops reusing the connection, and the server closes it after the response); we catch Next's
// final exit, close the pool, and exit 0. A request that never ends would hold the process
// forever: after `timeoutMs` we exit 1 anyway.

/**
 * Tracks the responses in flight (Node's `http.server.request.start` diagnostics channel: Next's
 * server object is not reachable from the app) and returns `shed()`, which marks them and every
 * later one `Connection: close`.
 */
export function closeConnectionsAfterResponses(): { shed: () => void } {
  const inFlight = new Set<http.ServerResponse>();
  let shedding = false;
  const markClose = (response: http.ServerResponse) => {
    if (!response.headersSent) response.setHeader("connection", "close");
  };
  onRequestStart(({ response }) => {
    if (shedding) return markClose(response);
    inFlight.add(response);
    // Next already puts about ten "close" listeners on a response; ours is one more, not a leak.
    response.setMaxListeners(response.getMaxListeners() + 1);
    response.once("close", () => inFlight.delete(response));
  });
  return {
    shed: () => {
      shedding = true;
      for (const response of inFlight) markClose(response);
    },
  };
}

type ProcessLike = {
  once(event: "SIGTERM", listener: () => void): unknown;
  exit: (code?: number) => never;
};

export type ShutdownOptions = {
  close: () => Promise<void>;
  /** Called first on SIGTERM: stop keep-alive (closeConnectionsAfterResponses().shed). */
  onSignal?: () => void;
  timeoutMs?: number;
  proc?: ProcessLike;
  log?: (message: string) => void;
};

/** Exit code Next uses after draining on SIGTERM (128 + 15). */
const NEXT_SIGTERM_EXIT = 143;

export function installGracefulShutdown({ close, onSignal, timeoutMs = 25_000, proc = process as unknown as ProcessLike, log = console.log }: ShutdownOptions): void {
  proc.once("SIGTERM", () => {
    onSignal?.();
    log("shutdown: SIGTERM, finishing requests in flight");
    const exit = proc.exit.bind(proc);
    let finishing = false;
    const finish = async (code: number) => {
      if (finishing) return;
      finishing = true;
      try {
        await close();
        log("shutdown: database pool closed");
      } catch (error) {
        console.error("shutdown: closing the database pool failed", error);
        code = code || 1;
      }
      exit(code);
    };
    proc.exit = ((code?: number) => {
      void finish(code === undefined || code === NEXT_SIGTERM_EXIT ? 0 : code);
    }) as ProcessLike["exit"];
    const deadline = setTimeout(() => {
      log(`shutdown: requests still in flight after ${timeoutMs} ms; exiting anyway`);
      void finish(1);
    }, timeoutMs);
    deadline.unref?.();
  });
}
