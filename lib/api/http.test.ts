import { describe, expect, it, vi } from "vitest";
import { decodeSegments } from "../uri";
import { apiError, apiJson, apiPreparedJson, apiRoute } from "./http";
import { prepareJson } from "./prepared-json";

describe("API responses", () => {
  it("are public, briefly cacheable and open to any origin", async () => {
    const response = apiJson([1]);
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, stale-while-revalidate=300");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual([1]);
  });

  it("a prepared answer is sent as apiJson would send it, as often as it is asked for", async () => {
    const value = [{ title: "Attention — is all you need", authors: ["Ł"] }];
    const prepared = prepareJson(value);
    const expected = apiJson(value);
    for (let i = 0; i < 2; i++) {
      const response = apiPreparedJson(prepared);
      expect([...response.headers]).toEqual([...expected.headers]);
      expect(await response.json()).toEqual(value);
    }
  });

  it("errors carry their status and are never cached", async () => {
    const response = apiError("invalid_input", "limit must be between 1 and 100", "limit");
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: { code: "invalid_input", message: "limit must be between 1 and 100", parameter: "limit" } });
    expect((await apiError("not_found", "No.").json()).error).not.toHaveProperty("parameter");
  });

  it("an unexpected failure becomes a logged JSON 500", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await apiRoute(async (_request: Request) => {
      throw new Error("database down");
    })(new Request("http://localhost/api/daily_papers"));
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: "internal" } });
    // Outside proxy.ts, the route stamps the security headers itself, errors included.
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it("decodes route segments, leaving malformed escapes alone", () => {
    expect(decodeSegments(["hep-th%2F9901001", "100%"])).toEqual(["hep-th/9901001", "100%"]);
  });
});
