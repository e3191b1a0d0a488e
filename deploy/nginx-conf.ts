import fs from "node:fs";
import path from "node:path";

// Fills deploy/nginx.conf's {{PLACEHOLDERS}}. Pure: writing files and running nginx is
// deploy/local-nginx.ts's job (tests, benchmarks) or yours (production, via scripts/nginx-conf.ts).

export type NginxConfOptions = {
  /** `8080`, `127.0.0.1:8080` or `443 ssl`: what `listen` takes. */
  listen: string;
  /** The `next start` servers, `host:port` each. */
  upstreams: string[];
  /** nginx's prefix: pid file, logs and temporary files go here. */
  prefixDir: string;
  /** Where the two caches (pages, assets) live; the worker user must be able to write it. */
  cacheDir: string;
  /** Files nginx serves itself under /nginx-static/. */
  staticDir: string;
  /** The worker processes' user (`www-data`); only meaningful when nginx starts as root. */
  user?: string;
  microcacheSeconds?: number;
  workerProcesses?: number | "auto";
  /** Requests per client connection before nginx closes it; nginx's own default, 1000, if unset. */
  keepaliveRequests?: number;
  mimeTypes?: string;
};

export const NGINX_TEMPLATE = path.join(import.meta.dirname, "nginx.conf");

const HOST_PORT = /^[A-Za-z0-9.\-_[\]:]+:\d{1,5}$/;

export function renderNginxConf(options: NginxConfOptions, template = fs.readFileSync(NGINX_TEMPLATE, "utf8")): string {
  if (options.upstreams.length === 0) throw new Error("nginx needs at least one upstream server");
  for (const upstream of options.upstreams) {
    if (!HOST_PORT.test(upstream)) throw new Error(`upstream must be host:port, got ${JSON.stringify(upstream)}`);
  }
  const seconds = options.microcacheSeconds ?? 3;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 60) throw new Error("microcacheSeconds must be 1–60");
  const keepaliveRequests = options.keepaliveRequests ?? 1000;
  // nginx reads it as a 32-bit number on some platforms.
  if (!Number.isSafeInteger(keepaliveRequests) || keepaliveRequests < 1 || keepaliveRequests > 2_147_483_647) {
    throw new Error("keepaliveRequests must be a positive integer below 2^31");
  }
  const values: Record<string, string> = {
    USER: options.user ? `user ${checked("user", options.user)};` : "",
    WORKER_PROCESSES: String(options.workerProcesses ?? "auto"),
    PREFIX: options.prefixDir,
    MIME_TYPES: options.mimeTypes ?? "/etc/nginx/mime.types",
    UPSTREAM_SERVERS: options.upstreams.map((u) => `    server ${u} max_fails=3 fail_timeout=5s;`).join("\n"),
    CACHE_DIR: options.cacheDir,
    LISTEN: options.listen,
    STATIC_DIR: options.staticDir,
    MICROCACHE_SECONDS: String(seconds),
    KEEPALIVE_REQUESTS: String(keepaliveRequests),
  };
  for (const [key, value] of Object.entries(values)) {
    // Values land inside directives: one that could close a directive or a block is refused.
    if (key !== "UPSTREAM_SERVERS" && key !== "USER" && /[;{}\n$]/.test(value)) {
      throw new Error(`${key} must not contain ; { } $ or newlines: ${JSON.stringify(value)}`);
    }
  }
  return template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    if (!(key in values)) throw new Error(`nginx.conf has an unknown placeholder {{${key}}}`);
    return values[key];
  });
}

function checked(name: string, value: string): string {
  if (!/^[A-Za-z0-9_.\- ]+$/.test(value)) throw new Error(`${name} has unexpected characters: ${JSON.stringify(value)}`);
  return value;
}
