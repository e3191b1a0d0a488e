import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { renderNginxConf } from "./nginx-conf";

// Runs deploy/nginx.conf as a foreground child of this process, for the tests and the benchmark.
// Everything it writes (config, pid, logs, caches) stays under `prefixDir`.

export type LocalNginx = {
  origin: string;
  prefixDir: string;
  /** The access log so far: one line per request, with cache status and upstream. */
  accessLog: () => string;
  stop: () => Promise<void>;
};

export const NGINX_BINARIES = ["/usr/sbin/nginx", "/usr/bin/nginx"];

/** The nginx binary, or null when none is installed (Debian: `apt-get install nginx-light`). */
export function findNginx(): string | null {
  return NGINX_BINARIES.find((p) => fs.existsSync(p)) ?? null;
}

export async function startNginx({
  port,
  upstreams,
  prefixDir,
  microcacheSeconds,
  keepaliveRequests,
  staticFiles = {},
}: {
  port: number;
  upstreams: string[];
  prefixDir: string;
  microcacheSeconds?: number;
  keepaliveRequests?: number;
  /** Files to serve at /nginx-static/<name>. */
  staticFiles?: Record<string, string>;
}): Promise<LocalNginx> {
  const binary = findNginx();
  if (!binary) throw new Error("nginx is not installed (Debian: apt-get install nginx-light)");
  const prefix = path.resolve(prefixDir);
  const staticDir = path.join(prefix, "static");
  for (const dir of [prefix, staticDir, path.join(prefix, "cache"), path.join(prefix, "tmp")]) fs.mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(staticFiles)) fs.writeFileSync(path.join(staticDir, path.basename(name)), body);
  // Started as root, nginx runs its workers as an unprivileged user, which must be able to walk
  // into the prefix (mkdtemp makes it 0700) and write the cache and temporary files.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    fs.chmodSync(prefix, 0o755);
    for (const dir of ["cache", "tmp"]) fs.chownSync(path.join(prefix, dir), 65534, 65534);
  }
  const confPath = path.join(prefix, "nginx.conf");
  fs.writeFileSync(
    confPath,
    renderNginxConf({
      listen: `127.0.0.1:${port}`,
      upstreams,
      prefixDir: prefix,
      cacheDir: path.join(prefix, "cache"),
      staticDir,
      user: asRoot ? "nobody nogroup" : undefined,
      microcacheSeconds,
      keepaliveRequests,
      workerProcesses: 2,
    }),
  );
  const child = spawn(binary, ["-p", prefix, "-c", confPath, "-e", path.join(prefix, "error.log"), "-g", "daemon off;"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr!.on("data", (chunk) => (stderr += chunk));
  const origin = `http://localhost:${port}`;
  try {
    await waitForPort(child, port, () => stderr);
  } catch (error) {
    await stop(child);
    throw error;
  }
  return {
    origin,
    prefixDir: prefix,
    accessLog: () => readIfExists(path.join(prefix, "access.log")),
    stop: () => stop(child),
  };
}

async function waitForPort(child: ChildProcess, port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited with code ${child.exitCode}: ${stderr()}`);
    if (await connects(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nginx did not listen on ${port} within 10 s: ${stderr()}`);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** SIGQUIT: nginx's graceful stop (finish what is in flight); SIGTERM would cut it. */
function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGQUIT");
  });
}

function readIfExists(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return "";
  }
}
