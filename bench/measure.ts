import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import type { Target } from "./targets";

export type Measurement = {
  name: string;
  path: string;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  requests: number;
  non2xx: number;
  errors: number;
  bytes: { raw: number; gzip: number };
};

// Browsers ask for gzip and `next start` compresses on the fly, so the load does too: that work
// is part of what a reader's request costs this server.
const HEADERS = { "accept-encoding": "gzip" };

export async function measure(origin: string, target: Target, load: { connections: number; durationSeconds: number }): Promise<Measurement> {
  const bytes = await bodySize(`${origin}${target.path}`);
  const result = await autocannon({ url: `${origin}${target.path}`, connections: load.connections, duration: load.durationSeconds, headers: HEADERS });
  return {
    name: target.name,
    path: target.path,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
    bytes,
  };
}

/** The body as served (uncompressed) and as gzip would send it, for page-weight tracking. */
async function bodySize(url: string): Promise<{ raw: number; gzip: number }> {
  const body = Buffer.from(await (await fetch(url, { headers: { "accept-encoding": "identity" } })).arrayBuffer());
  return { raw: body.length, gzip: gzipSync(body).length };
}
