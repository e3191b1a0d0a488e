import { gzipSync } from "node:zlib";
import { ASSET_GZIP_LEVEL, PAGE_GZIP_LEVEL } from "@/lib/body-compression";
import autocannon from "autocannon";
import type { Encoding, Target } from "./targets";

export type Measurement = {
  name: string;
  path: string;
  encoding: Encoding;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number };
  requests: number;
  non2xx: number;
  /** How many answers of each status other than 2xx, e.g. { "429": 12 }. */
  otherStatuses?: Record<string, number>;
  errors: number;
  /** What the errors were, e.g. { ECONNRESET: 1, "request timed out": 2 }: a reset and a timeout mean different things. */
  errorCodes?: Record<string, number>;
};

/** `timeoutSeconds`: when autocannon gives up on an answer (its default, 10 s, if unset). */
export type Load = { connections: number; durationSeconds: number; timeoutSeconds?: number };

/**
 * autocannon at fixed concurrency against one target. With `gzip` the load asks for compression,
 * and the server compresses on the fly (lib/response-compression.ts), which is part of a request's cost.
 */
export async function measure(origin: string, target: Target, encoding: Encoding, load: Load): Promise<Measurement> {
  const headers = { "accept-encoding": encoding };
  let next = 0;
  const errorCodes: Record<string, number> = {};
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `${origin}${target.path}`,
        connections: load.connections,
        duration: load.durationSeconds,
        ...(load.timeoutSeconds !== undefined ? { timeout: load.timeoutSeconds } : {}),
        // One request in flight per connection, as a browser sends them. (autocannon also emits
        // one reqError per pipelined request, which would count an error more than once.)
        pipelining: 1,
        method: target.method ?? "GET",
        headers,
        requests: target.vary
          ? [
              {
                method: target.method ?? "GET",
                path: target.path,
                setupRequest: (request) => {
                  const own = target.vary!(next++);
                  return { ...request, headers: { ...headers, ...own.headers }, ...(own.body !== undefined ? { body: own.body } : {}) };
                },
              },
            ]
          : undefined,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    run.on("reqError", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    });
  });
  return {
    name: target.name,
    path: target.path,
    encoding,
    requestsPerSecond: result.requests.average,
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99 },
    requests: result.requests.total,
    non2xx: result.non2xx,
    otherStatuses: otherStatuses(result.statusCodeStats as Record<string, { count: number }> | undefined),
    // autocannon's errors include its timeouts (it counts a timeout in both).
    errors: result.errors,
    ...(Object.keys(errorCodes).length > 0 ? { errorCodes } : {}),
  };
}

function otherStatuses(stats: Record<string, { count: number }> | undefined): Record<string, number> | undefined {
  const other = Object.entries(stats ?? {}).filter(([code]) => !code.startsWith("2"));
  return other.length > 0 ? Object.fromEntries(other.map(([code, { count }]) => [code, count])) : undefined;
}

export type PageWeight = { name: string; path: string; htmlBytes: number; htmlGzipBytes: number; scripts: number; firstLoadJsBytes: number; firstLoadJsGzipBytes: number };

/**
 * The page's scripts from /_next/static, as its HTML references them. `noModule` scripts (Next's
 * polyfills for browsers without ES modules) are left out: every browser that runs modules skips
 * them without downloading them.
 */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((m) => !/\snomodule/i.test(m[1] + m[3]));
  return [...new Set(tags.map((m) => m[2]).filter((src) => src.startsWith("/_next/static/")))];
}

// Hashed chunk URLs never change content, and pages share most of them: fetch each once.
const scriptSizes = new Map<string, Promise<{ raw: number; gzip: number }>>();

function scriptSize(url: string): Promise<{ raw: number; gzip: number }> {
  let size = scriptSizes.get(url);
  if (!size) {
    size = fetch(url, { headers: { "accept-encoding": "identity" } })
      .then((response) => response.arrayBuffer())
      .then((body) => ({ raw: body.byteLength, gzip: gzipSync(Buffer.from(body), { level: ASSET_GZIP_LEVEL }).length }));
    scriptSizes.set(url, size);
  }
  return size;
}

/** HTML and first-load JavaScript, raw and gzipped at the levels the server sends them (lib/response-compression.ts). */
export async function weigh(origin: string, target: Target): Promise<PageWeight> {
  const headers = { "accept-encoding": "identity", ...(target.vary?.(0).headers ?? {}) };
  const html = Buffer.from(await (await fetch(`${origin}${target.path}`, { headers })).arrayBuffer());
  const scripts = scriptSources(html.toString("utf8"));
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const size = await scriptSize(`${origin}${src}`);
    raw += size.raw;
    gzip += size.gzip;
  }
  return { name: target.name, path: target.path, htmlBytes: html.length, htmlGzipBytes: gzipSync(html, { level: PAGE_GZIP_LEVEL }).length, scripts: scripts.length, firstLoadJsBytes: raw, firstLoadJsGzipBytes: gzip };
}
