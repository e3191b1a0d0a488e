import { describe, expect, it } from "vitest";
import { renderNginxConf } from "./nginx-conf";

const base = { listen: "127.0.0.1:8080", upstreams: ["127.0.0.1:3000"], prefixDir: "/srv/nginx", cacheDir: "/srv/nginx/cache", staticDir: "/srv/nginx/static" };

describe("renderNginxConf", () => {
  it("fills every placeholder", () => {
    const conf = renderNginxConf(base);
    expect(conf).not.toMatch(/\{\{[A-Z_]+\}\}/);
    expect(conf).toContain("server 127.0.0.1:3000 max_fails=3 fail_timeout=5s;");
  });

  it("keeps nginx's default of 1000 requests per client connection unless told otherwise", () => {
    expect(renderNginxConf(base)).toMatch(/^\s*keepalive_requests 1000;$/m);
    expect(renderNginxConf({ ...base, keepaliveRequests: 1_000_000 })).toMatch(/^\s*keepalive_requests 1000000;$/m);
    for (const keepaliveRequests of [0, -1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => renderNginxConf({ ...base, keepaliveRequests })).toThrow("keepaliveRequests must be a positive integer below 2^31");
    }
  });
});
