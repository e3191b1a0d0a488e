import { decode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { SESSION_COOKIE, sessionCookie } from "./sessions";

describe("bench session cookies", () => {
  it("are Auth.js session tokens carrying the user and session version, readable with the server's secret only", async () => {
    const secret = "a-bench-secret-that-is-long-enough-0123456789";
    const cookie = await sessionCookie({ userId: "user-1", sessionVersion: 3, secret });
    const [name, token] = cookie.split("=");
    expect(name).toBe(SESSION_COOKIE);
    expect(await decode({ token, secret, salt: SESSION_COOKIE })).toMatchObject({ sub: "user-1", sv: 3 });
    await expect(decode({ token, secret: `${secret}-other`, salt: SESSION_COOKIE })).rejects.toThrow();
  });
});
