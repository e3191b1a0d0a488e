import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { request, type APIRequestContext } from "@playwright/test";
import { READER_PASSWORD } from "./readers";

// Extra `next start` processes on the build the Playwright webServer made, with the run's
// environment (the same DATABASE_URL and AUTH_SECRET): a second or third server of one site.

/** Ports for extra servers follow the run's own, like the stand-ins': E2E_PORT + offset. */
export const extraPort = (offset: number) => Number(process.env.E2E_PORT ?? 3100) + offset;

export type AppServer = {
  origin: string;
  child: ChildProcess;
  /** Everything the server printed so far. */
  output: () => string;
  /** Resolves with the exit code (or the signal) once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop: () => Promise<void>;
};

/** `env` is laid over the run's environment; a variable given as undefined is removed from it. */
export async function startAppServer({ port, env = {} }: { port: number; env?: Record<string, string | undefined> }): Promise<AppServer> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  // The binary itself, not `npx`, so that signals reach the server.
  const child = spawn("node_modules/.bin/next", ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: merged,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  // localhost, as the browser and Auth.js name it (Next rewrites 127.0.0.1 to localhost).
  const origin = `http://localhost:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start on ${port} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${origin}/api/health`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`next start on ${port} did not answer within 30 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    origin,
    child,
    output: () => output,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * A signed-in HTTP client: Auth.js's own credentials sign-in (CSRF token, then the callback), as
 * the sign-in form does it, so the session cookie is a real one.
 */
export async function signedInClient(origin: string, email: string): Promise<APIRequestContext> {
  const client = await request.newContext({ baseURL: origin });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await client.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password: READER_PASSWORD, callbackUrl: "/" },
    maxRedirects: 0,
  });
  const cookies = (await client.storageState()).cookies.map((c) => c.name);
  if (!cookies.some((name) => name.endsWith("authjs.session-token"))) {
    throw new Error(`sign-in as ${email} at ${origin} failed: HTTP ${response.status()}, cookies ${cookies.join(", ")}`);
  }
  return client;
}

/** The session cookie of a signed-in client, as a Cookie header. */
export async function sessionCookie(client: APIRequestContext): Promise<string> {
  return (await client.storageState()).cookies
    .filter((c) => c.name.includes("authjs.session-token"))
    .map((c) => `${c.name}=${c.value}`)
    .join("; ");
}

/** The id Next gave a Server Action in this build (they change with every build). */
export function serverActionId(file: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, entry]) => entry.filename === file && entry.exportedName === exportedName);
  if (!found) throw new Error(`no Server Action ${exportedName} from ${file} in .next`);
  return found[0];
}
