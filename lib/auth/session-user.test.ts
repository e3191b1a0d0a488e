import { describe, expect, it } from "vitest";
import { claimsMatch, effectiveRole, hasRole, isBanned } from "./session-user";

describe("session claims", () => {
  const row = { id: "u1", sessionVersion: 3 };

  it("honour a cookie only for the same user at the current version", () => {
    expect(claimsMatch({ userId: "u1", sessionVersion: 3 }, row)).toBe(true);
    expect(claimsMatch({ userId: "u1", sessionVersion: 2 }, row)).toBe(false); // signed out since
    expect(claimsMatch({ userId: "u1", sessionVersion: 4 }, row)).toBe(false);
    expect(claimsMatch({ userId: "u2", sessionVersion: 3 }, row)).toBe(false);
  });
});

describe("roles and bans", () => {
  it("ranks admin above user", () => {
    expect(hasRole({ role: "admin" }, "admin")).toBe(true);
    expect(hasRole({ role: "admin" }, "user")).toBe(true);
    expect(hasRole({ role: "user" }, "admin")).toBe(false);
  });

  it("reads a ban from bannedAt", () => {
    expect(isBanned({ bannedAt: null })).toBe(false);
    expect(isBanned({ bannedAt: new Date() })).toBe(true);
  });
});

describe("effectiveRole", () => {
  const base = { role: "user" as const, email: "Boss@Example.org", emailVerified: new Date() };
  it("makes a verified address in ADMIN_EMAILS an admin", () => {
    expect(effectiveRole(base, ["boss@example.org"])).toBe("admin");
  });
  it("ignores unverified addresses and unlisted ones", () => {
    expect(effectiveRole({ ...base, emailVerified: null }, ["boss@example.org"])).toBe("user");
    expect(effectiveRole(base, ["other@example.org"])).toBe("user");
    expect(effectiveRole({ ...base, role: "admin" }, [])).toBe("admin");
  });
});
