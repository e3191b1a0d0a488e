import { describe, expect, it } from "vitest";
import { hashToken, newToken, TokenInput } from "./tokens";

describe("link tokens", () => {
  it("are 256 random bits in URL-safe base64, and their hashes are stable", () => {
    const token = newToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newToken()).not.toBe(token);
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).not.toContain(token);
    expect(TokenInput.safeParse(token).success).toBe(true);
    expect(TokenInput.safeParse(`${token}'; drop table`).success).toBe(false);
  });
});
