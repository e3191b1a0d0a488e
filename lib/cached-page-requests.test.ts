import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../proxy";
import { PREPARED_REQUEST_HEADER, preparedAddress, prepareRequests } from "./cached-page-requests";
import { contentSecurityPolicy } from "./security-headers";

const NOW = new Date("2026-11-30T09:00:00Z");
const address = (url: string, { method = "GET", databaseDown = false } = {}) => preparedAddress({ method, url, databaseDown }, NOW);

describe("preparedAddress", () => {
  it("prepares the cached pages' reads, at the address they are rendered at", () => {
    expect(address("/")).toBe("/latest/2026-11-30");
    expect(address("/?utm_source=mail")).toBe("/latest/2026-11-30?utm_source=mail");
    expect(address("/trending")).toBe("/trending/now");
    expect(address("/trending?ref=feed")).toBe("/trending/now?ref=feed");
    // Today's home route, and a day either side for a request crossing midnight.
    for (const day of ["2026-11-29", "2026-11-30", "2026-12-01"]) expect(address(`/latest/${day}`)).toBe(`/latest/${day}`);
    for (const url of ["/papers/2401.00001", "/papers/hep-th/9901001", "/papers/date/2024-11-04", "/papers/week/2024-W45/page/2", "/papers/month/2024-11", "/papers/2401.00001?_rsc=abc"]) {
      expect(address(url), url).toBe(url);
    }
    expect(address("/", { method: "HEAD" })).toBe("/latest/2026-11-30");
  });

  it("leaves to proxy.ts the pages rendered per request, junk under the cached routes, and other addresses", () => {
    for (const url of ["/search?q=x", "/admin", "/signin", "/u/alice", "/feed.xml", "/api/auth/session", "/papers/not-an-id", "/latest/2020-01-01", "/latest/2026-12-02", "/trending/nope"]) {
      expect(address(url), url).toBeNull();
    }
  });

  it("leaves to proxy.ts writes, and everything while the database is believed down", () => {
    expect(address("/papers/2401.00001", { method: "POST" })).toBeNull();
    expect(address("/", { method: "OPTIONS" })).toBeNull();
    expect(address("/", { databaseDown: true })).toBeNull();
  });

  it("leaves alone an address Next's router would turn into another one", () => {
    for (const url of ["/papers/../admin", "/papers/%2e%2e/admin", "/papers/./2401.00001", "//papers/2401.00001", "/papers\\2401.00001", "/papers/2401.00001#x", "http://evil.example/", "*"]) {
      expect(address(url), url).toBeNull();
    }
    // Encoded slashes are junk to the paper and day routes: proxy.ts sends them to its 404.
    for (const url of ["/papers/2401.00001%2F..%2F..%2Fadmin", "/latest/2026-11-30%2F..%2Fadmin", "/papers/2401.00001;admin"]) {
      expect(address(url), url).toBeNull();
    }
  });
});

describe("proxy.ts's matcher and the mark", () => {
  it("names the header the server marks its prepared requests with", () => {
    expect(config.matcher[0].missing).toEqual([{ type: "header", key: PREPARED_REQUEST_HEADER }]);
  });
});

// A real HTTP server in this worker with the channel subscription installed, as next start has it
// after instrumentation.ts. Its handler reports what Next would see: the address, the request's CSP
// and the mark.
const NONCE = "ZGVwbG95bWVudG5vbmNlMTI=";
let server: http.Server;
let origin: string;
let stop: () => void;
let databaseDown = false;

beforeAll(async () => {
  stop = prepareRequests({ cachedPages: { nonce: NONCE, databaseDown: () => databaseDown } });
  server = http.createServer((req, res) => {
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ url: req.url, policy: req.headers["content-security-policy"] ?? null, prepared: req.headers[PREPARED_REQUEST_HEADER] ?? null }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  stop();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

type Seen = { url: string; policy: string | null; prepared: string | null };

async function ask(path: string, init: { method?: string; headers?: Record<string, string> } = {}): Promise<{ headers: Headers; seen: Seen }> {
  const response = await fetch(`${origin}${path}`, init);
  return { headers: response.headers, seen: (await response.json()) as Seen };
}

describe("prepareRequests", () => {
  const policy = contentSecurityPolicy({ nonce: NONCE });

  it("rewrites a cached page's address, puts the deployment's policy in the request and the security headers on the response, and marks it", async () => {
    const { headers, seen } = await ask("/trending");
    expect(seen).toEqual({ url: "/trending/now", policy, prepared: "1" });
    expect(headers.get("content-security-policy")).toBe(policy);
    expect(headers.get("x-frame-options")).toBe("DENY");
    expect(headers.get("x-content-type-options")).toBe("nosniff");
    expect(headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(headers.get("permissions-policy")).toContain("camera=()");
    expect(headers.get("strict-transport-security")).toBeNull();
    const overHttps = await ask("/papers/2401.00001", { headers: { "x-forwarded-proto": "https" } });
    expect(overHttps.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("replaces a policy the client sent, so no client picks the nonce a cached page is rendered with", async () => {
    const { seen } = await ask("/papers/2401.00001", { headers: { "content-security-policy": "script-src 'nonce-chosen'" } });
    expect(seen.policy).toBe(policy);
  });

  it("drops a mark the client sent, so a request it does not prepare still runs proxy.ts", async () => {
    for (const [path, method] of [["/search?q=x", "GET"], ["/papers/2401.00001", "POST"]] as const) {
      const { headers, seen } = await ask(path, { method, headers: { [PREPARED_REQUEST_HEADER]: "1" } });
      expect(seen, path).toEqual({ url: path, policy: null, prepared: null });
      expect(headers.get("content-security-policy"), path).toBeNull();
    }
  });

  it("prepares nothing while the database is believed down: proxy.ts answers 503", async () => {
    databaseDown = true;
    try {
      expect((await ask("/")).seen).toEqual({ url: "/", policy: null, prepared: null });
    } finally {
      databaseDown = false;
    }
  });

  it("without cached pages to prepare (development), still drops every mark a client sends", async () => {
    stop();
    stop = prepareRequests({ cachedPages: null });
    try {
      for (const path of ["/", "/papers/2401.00001", "/admin"]) {
        const { headers, seen } = await ask(path, { headers: { [PREPARED_REQUEST_HEADER]: "1" } });
        expect(seen, path).toEqual({ url: path, policy: null, prepared: null });
        expect(headers.get("content-security-policy"), path).toBeNull();
      }
    } finally {
      stop();
      stop = prepareRequests({ cachedPages: { nonce: NONCE, databaseDown: () => databaseDown } });
    }
  });
});
