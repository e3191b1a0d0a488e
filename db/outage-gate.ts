import { probeServer } from "./probe";
import { databaseBelievedDown, markDatabaseUp } from "@/lib/db-outage";
import { getEnv } from "@/lib/env";
import { friendlyMessage } from "@/lib/errors";

// Called first thing in proxy.ts. While the database is believed down (a request saw a
// connection error, or a pooled connection closed), requests get a plain 503 here instead of a
// render that would fail: Next 16 fixes a page's status before rendering, so only the proxy can
// make a page answer 503. Recovery needs no restart: one request probes the database (at most once
// a second while it stays down), and when it answers, requests flow again.

const PROBE_INTERVAL_MS = 1_000;
const PROBE_TIMEOUT_MS = 1_000;
const RETRY_AFTER_SECONDS = "5";

// Liveness must not depend on the database; readiness checks it itself; Server Actions answer
// their own `unavailable` result, which the forms show in place.
const PASS = /^\/api\/(health|ready)(\/|$)/;

const probe = globalThis as unknown as { paperboardProbe?: { failedAt: number; running: Promise<boolean> | null } };
const probeState = (probe.paperboardProbe ??= { failedAt: 0, running: null });

export async function databaseOutageResponse(
  request: Request,
  { databaseUrl }: { databaseUrl: string | undefined } = { databaseUrl: getEnv().DATABASE_URL },
): Promise<Response | null> {
  // The embedded database runs inside this process: there is no connection to lose.
  if (!databaseUrl || !databaseBelievedDown()) return null;
  const { pathname } = new URL(request.url);
  if (PASS.test(pathname) || request.headers.has("next-action")) return null;
  if (await databaseAnswers(databaseUrl)) return null;
  return pathname.startsWith("/api/") ? jsonUnavailable() : htmlUnavailable();
}

// Only a probe that failed holds off the next one (for PROBE_INTERVAL_MS), so a database that is
// down is asked once a second, not once a request. A suspicion raised while the last probe
// succeeded (a pooled connection the restart had closed, or one simply recycled) is checked at
// once: it must not 503 the requests around it. Requests that arrive during a probe wait for it
// (at most PROBE_TIMEOUT_MS).
async function databaseAnswers(url: string): Promise<boolean> {
  if (probeState.running) return probeState.running;
  if (Date.now() - probeState.failedAt < PROBE_INTERVAL_MS) return false;
  probeState.running = probeServer({ url, timeoutMs: PROBE_TIMEOUT_MS }).then((up) => {
    // The log says when the gate starts and stops answering 503, not every probe in between.
    if (up && probeState.failedAt) console.warn("outage gate: the database answers again; serving requests");
    if (!up && !probeState.failedAt) console.error("outage gate: the database does not answer; requests get 503 until it does");
    if (up) markDatabaseUp();
    probeState.failedAt = up ? 0 : Date.now();
    probeState.running = null;
    return up;
  });
  return probeState.running;
}

const HEADERS = {
  "cache-control": "no-store",
  "retry-after": RETRY_AFTER_SECONDS,
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
};

function jsonUnavailable(): Response {
  const error = { code: "unavailable", message: friendlyMessage("unavailable") };
  return Response.json({ error }, { status: 503, headers: { ...HEADERS, "access-control-allow-origin": "*" } });
}

// Self-contained (no scripts, no assets, no database): it must render whatever else is down.
function htmlUnavailable(): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Temporarily unavailable · Paperboard</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#18181b}
@media (prefers-color-scheme:dark){body{background:#09090b;color:#e4e4e7}}h1{font-size:1.5rem}p.code{font-size:.875rem;font-weight:600;color:#4f46e5}</style>
</head><body><main>
<p class="code">503</p>
<h1>Paperboard is temporarily unavailable</h1>
<p>We cannot reach our database right now. Nothing you did was lost: anything not confirmed was not saved.</p>
<p>This usually passes within a minute. <a href="">Try again</a>.</p>
</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      ...HEADERS,
      "content-type": "text/html; charset=utf-8",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
  });
}
