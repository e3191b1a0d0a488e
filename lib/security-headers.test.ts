import { describe, expect, it } from "vitest";
import { cameOverHttps, contentSecurityPolicy, createNonce, deploymentNonce, securityHeaders } from "./security-headers";

describe("the content security policy", () => {
  it("is exactly the agreed policy, with the request's nonce", () => {
    expect(contentSecurityPolicy({ nonce: "abc123==" })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123=='; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: https:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
        "frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("allows eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n", dev: true })).toContain("script-src 'self' 'nonce-n' 'unsafe-eval';");
    expect(contentSecurityPolicy({ nonce: "n" })).not.toContain("unsafe-eval");
  });
});

describe("nonces", () => {
  it("are 16 random bytes in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("HTTPS detection", () => {
  it("trusts the forwarded protocol or an https AUTH_URL", () => {
    expect(cameOverHttps({ forwardedProto: "https" })).toBe(true);
    expect(cameOverHttps({ forwardedProto: "HTTPS, http" })).toBe(true);
    expect(cameOverHttps({ forwardedProto: null, authUrl: "https://paperboard.example" })).toBe(true);
  });

  it("is false over plain HTTP", () => {
    expect(cameOverHttps({ forwardedProto: null })).toBe(false);
    expect(cameOverHttps({ forwardedProto: "http", authUrl: "http://localhost:3000" })).toBe(false);
    expect(cameOverHttps({ forwardedProto: "http, https" })).toBe(false);
  });
});

describe("the response headers", () => {
  const named = (https: boolean) => Object.fromEntries(securityHeaders({ policy: "P", https }));

  it("always include the CSP and the fixed set", () => {
    expect(named(false)).toEqual({
      "Content-Security-Policy": "P",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=(), browsing-topics=()",
      "X-Frame-Options": "DENY",
    });
  });

  it("add HSTS only over HTTPS", () => {
    expect(named(false)).not.toHaveProperty("Strict-Transport-Security");
    expect(named(true)["Strict-Transport-Security"]).toBe("max-age=63072000; includeSubDomains");
  });
});

describe("the deployment's nonce for cached pages", () => {
  it("is the same for one secret and build, on every server, and changes with either", async () => {
    const secret = "s".repeat(40);
    const nonce = await deploymentNonce({ secret, buildId: "build-1" });
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await deploymentNonce({ secret, buildId: "build-1" })).toBe(nonce);
    expect(await deploymentNonce({ secret, buildId: "build-2" })).not.toBe(nonce);
    expect(await deploymentNonce({ secret: "t".repeat(40), buildId: "build-1" })).not.toBe(nonce);
  });
});
