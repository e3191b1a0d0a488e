import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";
import { closeConnectionsAfterResponses, installGracefulShutdown } from "./shutdown";

function fakeProcess() {
  const emitter = new EventEmitter();
  const exits: number[] = [];
  const proc = {
    once: (event: "SIGTERM", listener: () => void) => emitter.once(event, listener),
    exit: ((code?: number) => {
      exits.push(code ?? 0);
    }) as (code?: number) => never,
  };
  return { proc, exits, sigterm: () => emitter.emit("SIGTERM") };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe("installGracefulShutdown", () => {
  it("waits for Next to drain, then closes the pool and exits 0 instead of 143", async () => {
    const { proc, exits, sigterm } = fakeProcess();
    const close = vi.fn(async () => {});
    installGracefulShutdown({ close, proc, log: () => {} });
    sigterm();
    await tick();
    expect(close).not.toHaveBeenCalled(); // requests may still be in flight
    proc.exit(143); // next start's handler, once its server has closed
    await tick();
    expect(close).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
  });

  it("keeps other exit codes, and exits 1 when closing fails", async () => {
    const { proc, exits, sigterm } = fakeProcess();
    installGracefulShutdown({ close: async () => Promise.reject(new Error("boom")), proc, log: () => {} });
    sigterm();
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    proc.exit(143);
    await tick();
    expect(exits).toEqual([1]);
    error.mockRestore();
  });

  it("gives up after the timeout when a request never ends", async () => {
    vi.useFakeTimers();
    const { proc, exits, sigterm } = fakeProcess();
    const close = vi.fn(async () => {});
    installGracefulShutdown({ close, proc, timeoutMs: 1_000, log: () => {} });
    sigterm();
    await vi.advanceTimersByTimeAsync(1_001);
    expect(close).toHaveBeenCalledOnce();
    expect(exits).toEqual([1]);
    proc.exit(143); // a late drain changes nothing
    await vi.advanceTimersByTimeAsync(1);
    expect(exits).toEqual([1]);
    vi.useRealTimers();
  });

  it("does nothing before SIGTERM", () => {
    const { proc, exits } = fakeProcess();
    const close = vi.fn(async () => {});
    installGracefulShutdown({ close, proc, log: () => {} });
    expect(close).not.toHaveBeenCalled();
    expect(exits).toEqual([]);
  });
});

describe("closeConnectionsAfterResponses", () => {
  it("marks the response in flight and every later one Connection: close, so close() ends with the last request", async () => {
    const http = await import("node:http");
    const keepAlive = closeConnectionsAfterResponses();
    let arrived!: () => void;
    const inHandler = new Promise<void>((r) => (arrived = r));
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const server = http.createServer(async (_req, res) => {
      arrived();
      await released;
      res.end("ok");
    });
    server.keepAliveTimeout = 10_000;
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const { port } = server.address() as { port: number };
    const agent = new http.Agent({ keepAlive: true });
    const response = new Promise<string | undefined>((resolve, reject) =>
      http.get({ host: "127.0.0.1", port, agent }, (res) => res.resume().on("end", () => resolve(res.headers.connection))).on("error", reject),
    );
    await inHandler;
    const closed = new Promise<void>((r) => server.close(() => r()));
    keepAlive.shed(); // SIGTERM
    release();
    expect(await response).toBe("close"); // the client (nginx) will not reuse the connection…
    const started = Date.now();
    await closed; // …so close() completes now, not after the 10 s keep-alive timeout
    expect(Date.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });
});
