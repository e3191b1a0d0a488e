import { describe, expect, it } from "vitest";
import { authSecret, DEV_AUTH_SECRET, oauthCredentials, parseEnv } from "./env";

const secret = "s".repeat(32);

describe("auth environment", () => {
  it("requires AUTH_SECRET in production", () => {
    expect(() => parseEnv({ NODE_ENV: "production" })).toThrow(/AUTH_SECRET: is required in production/);
    expect(authSecret(parseEnv({ NODE_ENV: "production", AUTH_SECRET: secret }))).toBe(secret);
  });

  it("falls back to the public development secret elsewhere", () => {
    expect(authSecret(parseEnv({ NODE_ENV: "development" }))).toBe(DEV_AUTH_SECRET);
    expect(authSecret(parseEnv({ NODE_ENV: "test", AUTH_SECRET: "" }))).toBe(DEV_AUTH_SECRET);
  });

  it("refuses a short secret", () => {
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(/AUTH_SECRET/);
  });

  it("trusts the host unless told not to", () => {
    expect(parseEnv({}).AUTH_TRUST_HOST).toBe(true);
    expect(parseEnv({ AUTH_TRUST_HOST: "false" }).AUTH_TRUST_HOST).toBe(false);
    expect(parseEnv({ AUTH_TRUST_HOST: "1" }).AUTH_TRUST_HOST).toBe(true);
  });

  it("offers an OAuth provider only with both its ID and secret", () => {
    expect(oauthCredentials("id", "secret")).toEqual({ clientId: "id", clientSecret: "secret" });
    expect(oauthCredentials("id", undefined)).toBeNull();
    expect(oauthCredentials(undefined, "secret")).toBeNull();
    const env = parseEnv({ AUTH_GITHUB_ID: "id", AUTH_GITHUB_SECRET: "" });
    expect(oauthCredentials(env.AUTH_GITHUB_ID, env.AUTH_GITHUB_SECRET)).toBeNull();
  });

  it("checks SMTP_URL is a URL", () => {
    expect(parseEnv({ SMTP_URL: "smtp://127.0.0.1:2525" }).SMTP_URL).toBe("smtp://127.0.0.1:2525");
    expect(() => parseEnv({ SMTP_URL: "mail server" })).toThrow(/SMTP_URL/);
  });
});
