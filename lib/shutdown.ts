// Graceful shutdown for `next start`. On SIGTERM, Next's own handler (next/dist/server/lib/
// start-server.js) already stops accepting connections, closes idle keep-alive ones and waits for
// the requests in flight; then it calls process.exit(143) at once. What it does not do is close
// our database pool (PGlite must be closed to leave its directory clean; a server pool should say
// goodbye rather than drop its sockets), and its 143 reads as a failure to service managers.
// So we let it drain, catch that final exit, close the pool, and exit 0. A request that never
// ends would hold the process forever: after `timeoutMs` we close and exit 1 regardless.

type ProcessLike = {
  once(event: "SIGTERM", listener: () => void): unknown;
  exit: (code?: number) => never;
};

export type ShutdownOptions = {
  close: () => Promise<void>;
  timeoutMs?: number;
  proc?: ProcessLike;
  log?: (message: string) => void;
};

/** Exit code Next uses after draining on SIGTERM (128 + 15). */
const NEXT_SIGTERM_EXIT = 143;

export function installGracefulShutdown({ close, timeoutMs = 25_000, proc = process as unknown as ProcessLike, log = console.log }: ShutdownOptions): void {
  proc.once("SIGTERM", () => {
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
