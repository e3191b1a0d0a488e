import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { confirmUrl, mailConfigFromEnv, unsubscribeUrl } from "./mail-config";

describe("digest mail settings", () => {
  it("link to AUTH_URL's origin, or localhost:3000 when it is unset", () => {
    expect(mailConfigFromEnv(parseEnv({})).siteUrl).toBe("http://localhost:3000");
    const config = mailConfigFromEnv(parseEnv({ AUTH_URL: "https://paperboard.example/api/auth" }));
    expect(config.siteUrl).toBe("https://paperboard.example");
    expect(confirmUrl(config, "t0k")).toBe("https://paperboard.example/subscribe/confirm?token=t0k");
    expect(unsubscribeUrl(config, "t0k")).toBe("https://paperboard.example/unsubscribe?token=t0k");
  });

  it("offer a mailto unsubscribe only when a valid address is configured", () => {
    expect(mailConfigFromEnv(parseEnv({})).unsubscribeMailto).toBeNull();
    expect(mailConfigFromEnv(parseEnv({ DIGEST_UNSUBSCRIBE_MAILTO: "unsubscribe@paperboard.example" })).unsubscribeMailto).toBe("unsubscribe@paperboard.example");
    expect(() => parseEnv({ DIGEST_UNSUBSCRIBE_MAILTO: "not an address" })).toThrow(/DIGEST_UNSUBSCRIBE_MAILTO/);
  });
});
