import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// A `next start` of its own on the .next build the Playwright web server made, pointed at a database of
// the test's choosing (a private cluster it may stop). Ports follow E2E_PORT: 3110+ for 3100.

export type AppServer = { url: string; process: ChildProcess; output: () => string; stop: (signal?: NodeJS.Signals) => Promise<number | null> };

export function extraAppPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3100) + 10 + offset;
}

export async function startAppServer({ port, env }: { port: number; env: Record<string, string> }): Promise<AppServer> {
  const url = `http://localhost:${port}`;
  // next itself, not npx: the signal in stop() must reach the server, not a wrapper.
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_URL: url, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const server: AppServer = {
    url,
    process: child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}):\n${output}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (up) return server;
    if (Date.now() > deadline) {
      await server.stop("SIGKILL");
      throw new Error(`next start did not answer on ${port} within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
