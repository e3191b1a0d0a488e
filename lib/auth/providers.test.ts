import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { emailLinkEnabled } from "./email-link";
import { oauthOptions, oauthProviders } from "./providers";

const ids = (env: Record<string, string>) => oauthProviders(parseEnv(env)).map((p) => p.id);

describe("sign-in providers", () => {
  it("offers no OAuth provider without credentials", () => {
    expect(ids({})).toEqual([]);
    expect(oauthOptions(parseEnv({}))).toEqual([]);
  });

  it("offers GitHub and Hugging Face only when both their ID and secret are set", () => {
    expect(ids({ AUTH_GITHUB_ID: "gh", AUTH_GITHUB_SECRET: "s" })).toEqual(["github"]);
    expect(ids({ AUTH_GITHUB_ID: "gh", AUTH_HUGGINGFACE_SECRET: "s" })).toEqual([]);
    const both = { AUTH_GITHUB_ID: "gh", AUTH_GITHUB_SECRET: "s", AUTH_HUGGINGFACE_ID: "hf", AUTH_HUGGINGFACE_SECRET: "t" };
    expect(ids(both)).toEqual(["github", "huggingface"]);
    expect(oauthOptions(parseEnv(both))).toEqual([
      { id: "github", name: "GitHub" },
      { id: "huggingface", name: "Hugging Face" },
    ]);
  });

  it("uses Hugging Face's OpenID Connect issuer and maps its profile", async () => {
    const [huggingface] = oauthProviders(parseEnv({ AUTH_HUGGINGFACE_ID: "hf", AUTH_HUGGINGFACE_SECRET: "t" }));
    expect(huggingface.type).toBe("oidc");
    const options = (huggingface as { options?: { issuer?: string; profile?: (p: Record<string, unknown>) => unknown } }).options;
    expect(options?.issuer).toBe("https://huggingface.co");
    expect(options?.profile?.({ sub: "42", name: "Ada", preferred_username: "ada", email: "ada@example.org", picture: "https://x/y.png" })).toEqual({
      id: "42",
      name: "Ada",
      email: "ada@example.org",
      image: "https://x/y.png",
      username: "ada",
    });
  });

  it("offers email links with SMTP, or outside production where they are logged", () => {
    expect(emailLinkEnabled(parseEnv({ NODE_ENV: "development" }))).toBe(true);
    expect(emailLinkEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32) }))).toBe(false);
    expect(emailLinkEnabled(parseEnv({ NODE_ENV: "production", AUTH_SECRET: "x".repeat(32), SMTP_URL: "smtp://mail:587" }))).toBe(true);
  });
});
