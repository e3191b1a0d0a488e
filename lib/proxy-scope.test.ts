import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it } from "vitest";
import { config } from "../proxy";
import { PREPARED_REQUEST_HEADER } from "./cached-page-requests";

// Which addresses run proxy.ts. Our JSON routes skip it and do its work themselves
// (lib/api/json-route.ts); everything else that can render HTML must go through it, or it would
// answer without the security headers and without a CSP nonce for Next's scripts.

const runsProxy = (url: string, headers?: Record<string, string>) => unstable_doesMiddlewareMatch({ config, url, headers });

describe("proxy.ts's matcher", () => {
  it("skips the JSON routes, which send their own headers", () => {
    for (const url of ["/api/me", "/api/me?papers=2401.00001", "/api/me/votes", "/api/me/comment-votes", "/api/daily_papers", "/api/votes/papers", "/api/health", "/api/ready", "/api/openapi.json", "/api/papers/2401.00001", "/api/papers/hep-th/9901001/comments"]) {
      expect(runsProxy(url), url).toBe(false);
    }
  });

  it("runs for pages, feeds, Auth.js's routes and any other address under /api/", () => {
    for (const url of ["/", "/trending", "/papers/2401.00001", "/feed.xml", "/signin", "/bench-static.html", "/api/auth/session", "/api/auth/callback/github", "/api/nope", "/api/me/nope", "/api/mexico", "/api/healthz", "/api/openapiXjson"]) {
      expect(runsProxy(url), url).toBe(true);
    }
  });

  it("skips the requests the server prepared itself (lib/cached-page-requests.ts)", () => {
    for (const url of ["/", "/papers/2401.00001", "/trending"]) expect(runsProxy(url, { [PREPARED_REQUEST_HEADER]: "1" }), url).toBe(false);
  });

  it("skips build assets and the icon", () => {
    for (const url of ["/_next/static/chunks/app.js", "/icon.svg"]) expect(runsProxy(url), url).toBe(false);
  });
});
