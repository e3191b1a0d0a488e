import { describe, expect, it, vi } from "vitest";
import { jsonRoute } from "./json-route";

// JSON routes skip proxy.ts, so this wrapper is all that stands between them and a response
// without security headers or a handler failure answered as Next's HTML error page.

const get = (headers: Record<string, string> = {}) => new Request("http://localhost/api/me", { headers });

describe("jsonRoute", () => {
  it("passes the handler's answer through, with the security headers and a policy that loads nothing", async () => {
    const route = jsonRoute(async (request: Request) => Response.json({ path: new URL(request.url).pathname }, { headers: { "cache-control": "private, no-store" } }));
    const response = await route(get());
    expect(await response.json()).toEqual({ path: "/api/me" });
    expect(Object.fromEntries(response.headers)).toMatchObject({
      "cache-control": "private, no-store",
      "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      "x-content-type-options": "nosniff",
      "x-frame-options": "DENY",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
    });
    expect(response.headers.has("strict-transport-security")).toBe(false); // plain HTTP
  });

  it("adds HSTS when the reverse proxy says the request came over HTTPS", async () => {
    const response = await jsonRoute(() => Response.json({}))(get({ "x-forwarded-proto": "https" }));
    expect(response.headers.get("strict-transport-security")).toBe("max-age=63072000; includeSubDomains");
  });

  it("answers a failure the handler left unanswered as a logged JSON 500, headers included", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await jsonRoute(async (_request: Request): Promise<Response> => {
      throw new Error("boom");
    })(get());
    expect(response.status).toBe(500);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect((await response.json()).error.code).toBe("internal");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("answers a request the outage gate turns away without running the handler", async () => {
    // The gate's own decision is tested in tests/integration/outage-gate.test.ts and, with a real
    // database stopped, in e2e/database-outage.spec.ts; here, only that jsonRoute consults it.
    const gate = await import("@/db/outage-gate");
    const spy = vi.spyOn(gate, "databaseOutageResponse").mockResolvedValue(Response.json({ error: { code: "unavailable" } }, { status: 503 }));
    const handler = vi.fn(() => Response.json({}));
    const response = await jsonRoute(handler)(get());
    expect(response.status).toBe(503);
    expect(handler).not.toHaveBeenCalled();
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    spy.mockRestore();
  });
});
