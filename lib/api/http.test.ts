import { describe, expect, it, vi } from "vitest";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { compressLikePages } from "../body-compression";
import { BODY_ENCODING_REQUEST_HEADER, BODY_ENCODING_RESPONSE_HEADER, bodyEncodingOffer } from "../body-encoding-offer";
import { decodeSegments } from "../uri";
import { apiError, apiJson, apiPreparedJson, apiRoute } from "./http";
import { prepareJson } from "./prepared-json";

// Counted, to see an answer compressed once however often it is sent.
vi.mock("../body-compression", async (original) => {
  const actual = await original<typeof import("../body-compression")>();
  return { ...actual, compressLikePages: vi.fn(actual.compressLikePages) };
});

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
      const response = await apiPreparedJson(new Request("http://localhost/api/papers/search?q=x"), prepared);
      expect([...response.headers]).toEqual([...expected.headers]);
      expect(await response.json()).toEqual(value);
    }
  });

  it("a prepared answer goes compressed, once for every request, when the server offers a compression", async () => {
    const value = Array.from({ length: 60 }, (_, i) => ({ id: `2401.${String(i).padStart(5, "0")}`, title: `Paper ${i} on Erdős graphs` }));
    const prepared = prepareJson(value);
    const offered = (offer: string) => new Request("http://localhost/api/papers/search?q=x", { headers: { [BODY_ENCODING_REQUEST_HEADER]: offer } });
    vi.mocked(compressLikePages).mockClear();
    for (const [encoding, decompress] of [["gzip", gunzipSync], ["br", brotliDecompressSync]] as const) {
      const first = await apiPreparedJson(offered(bodyEncodingOffer(encoding)), prepared);
      const second = await apiPreparedJson(offered(bodyEncodingOffer(encoding)), prepared);
      expect(first.headers.get(BODY_ENCODING_RESPONSE_HEADER)).toBe(encoding);
      expect(first.headers.get("content-type")).toBe("application/json");
      const bytes = Buffer.from(await first.arrayBuffer());
      expect(bytes.length).toBeLessThan(prepared.bytes.length / 3);
      expect(JSON.parse(decompress(bytes).toString("utf8"))).toEqual(value);
      expect(Buffer.from(await second.arrayBuffer())).toEqual(bytes);
    }
    expect(vi.mocked(compressLikePages).mock.calls.map(([encoding]) => encoding)).toEqual(["gzip", "br"]);
    // Small answers too (compression would have compressed them on every request).
    const small = await apiPreparedJson(offered(bodyEncodingOffer("gzip")), prepareJson([1]));
    expect(JSON.parse(gunzipSync(Buffer.from(await small.arrayBuffer())).toString())).toEqual([1]);
  });

  it("a prepared answer goes as it is without the server's own offer: none, another coding, or a client's forgery", async () => {
    const prepared = prepareJson([{ id: "2401.00001" }]);
    const forged = bodyEncodingOffer("gzip").replace(/ .*/, " not-the-servers-token");
    for (const offer of [null, "deflate", "gzip", forged]) {
      const request = new Request("http://localhost/api/daily_papers", { headers: offer === null ? {} : { [BODY_ENCODING_REQUEST_HEADER]: offer } });
      const response = await apiPreparedJson(request, prepared);
      expect(response.headers.get(BODY_ENCODING_RESPONSE_HEADER), String(offer)).toBeNull();
      expect(await response.json()).toEqual([{ id: "2401.00001" }]);
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
