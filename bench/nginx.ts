import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { findNginx, startNginx } from "../deploy/local-nginx";
import type { BenchOptions } from "./args";
import { measure, type Measurement } from "./measure";
import { freePort } from "./server";
import type { Target } from "./targets";

export const NGINX_STATIC = "static file via nginx (ceiling)";
const NGINX_HOME = "home (anonymous) via nginx";

/**
 * The production setup: deploy/nginx.conf in front of the running server, its micro-cache
 * answering anonymous HTML. Measured against a byte copy of the home page that nginx serves
 * itself, so the ratio compares nginx with nginx. Null when nginx is not installed, or when only
 * Brotli was asked for.
 */
export async function measureThroughNginx(appOrigin: string, homeHtml: string, options: BenchOptions): Promise<Measurement[] | null> {
  // Debian's nginx has no Brotli module: asked for it, both sides would answer uncompressed.
  const encodings = options.encodings.filter((e) => e !== "br");
  if (encodings.length === 0) return null;
  if (!findNginx()) {
    console.log("bench: nginx is not installed (apt-get install nginx-light); skipping the nginx targets");
    return null;
  }
  const prefixDir = fs.mkdtempSync(path.join(os.tmpdir(), "paperboard-bench-nginx-"));
  const nginx = await startNginx({
    port: await freePort(8080),
    upstreams: [new URL(appOrigin).host.replace("localhost", "127.0.0.1")],
    prefixDir,
    staticFiles: { "home.html": homeHtml },
    // After a connection's 1000th request nginx answers with `Connection: close` and closes it.
    // A browser honours that and opens a new connection; autocannon ignores it, may write its
    // next request on the closing connection, and counts the reset as an error. Its connections
    // are not served evenly: at ~1,000 req/s some of the 20 passed 1000 requests in 8 s, and such
    // resets failed runs 30 and 31. No measured connection gets near this limit.
    keepaliveRequests: 1_000_000,
  });
  try {
    const targets: Target[] = [
      { name: NGINX_HOME, path: "/", kind: "page" },
      { name: NGINX_STATIC, path: "/nginx-static/home.html", kind: "static" },
    ];
    const measured: Measurement[] = [];
    for (const target of targets) {
      for (const encoding of encodings) {
        await fetch(`${nginx.origin}${target.path}`); // fills the micro-cache, as the first reader would
        console.log(`bench: ${target.name} ${target.path} [${encoding}] (${options.connections} connections, ${options.durationSeconds} s)`);
        measured.push(await measure(nginx.origin, target, encoding, options));
      }
    }
    const cacheHits = (nginx.accessLog().match(/\bHIT\b/g) ?? []).length;
    console.log(`bench: nginx micro-cache answered ${cacheHits} requests from its cache`);
    return measured;
  } finally {
    await nginx.stop();
    fs.rmSync(prefixDir, { recursive: true, force: true });
  }
}
