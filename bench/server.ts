import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

type RunningServer = { origin: string; stop: () => Promise<void> };

/** The first port from `from` that nothing listens on (ports outside 3400–3499 belong to other work here). */
export async function freePort(from = 3400): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (await isFree(port)) return port;
  }
  throw new Error(`no free port in ${from}–${from + 99}`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/** Runs `use` against `next start` on the existing `.next` build, and stops the server after. */
export async function withServer<T>(options: { port: number; env: Record<string, string> }, use: (origin: string) => Promise<T>): Promise<T> {
  const server = await startServer(options);
  try {
    return await use(server.origin);
  } finally {
    await server.stop();
  }
}

async function startServer({ port, env }: { port: number; env: Record<string, string> }): Promise<RunningServer> {
  // The binary itself, not `npx`, so that stopping this pid stops the server.
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(child, origin);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return { origin, stop: () => stop(child) };
}

async function waitUntilUp(child: ChildProcess, origin: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return; // it needs no database, so it is up first
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`next start did not answer at ${origin} within 30 s`);
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
