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

describe("arXiv environment", () => {
  it("defaults to the public export API, a 10 s timeout and arXiv's 3 s spacing", () => {
    const env = parseEnv({});
    expect(env.ARXIV_API_URL).toBe("https://export.arxiv.org/api/query");
    expect(env.ARXIV_TIMEOUT_MS).toBe(10_000);
    expect(env.ARXIV_MIN_INTERVAL_MS).toBe(3_000);
  });

  it("lets tests shorten the spacing, but not production", () => {
    expect(parseEnv({ ARXIV_MIN_INTERVAL_MS: "50" }).ARXIV_MIN_INTERVAL_MS).toBe(50);
    const production = { NODE_ENV: "production", AUTH_SECRET: secret };
    expect(() => parseEnv({ ...production, ARXIV_MIN_INTERVAL_MS: "50" })).toThrow(/ARXIV_MIN_INTERVAL_MS/);
    expect(parseEnv({ ...production, ARXIV_MIN_INTERVAL_MS: "5000" }).ARXIV_MIN_INTERVAL_MS).toBe(5_000);
  });

  it("refuses a base URL that is not one", () => {
    expect(() => parseEnv({ ARXIV_API_URL: "export.arxiv.org" })).toThrow(/ARXIV_API_URL/);
  });
});

describe("database environment", () => {
  it("reads DATABASE_REPLICA_URLS as a comma-separated list, empty by default", () => {
    expect(parseEnv({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(parseEnv({ DATABASE_REPLICA_URLS: "postgres://r1:5432/pb, postgres://r2:5432/pb," }).DATABASE_REPLICA_URLS).toEqual([
      "postgres://r1:5432/pb",
      "postgres://r2:5432/pb",
    ]);
  });

  it("refuses a replica that is not a URL", () => {
    expect(() => parseEnv({ DATABASE_REPLICA_URLS: "postgres://r1/pb,replica-two" })).toThrow(/DATABASE_REPLICA_URLS/);
  });
});
