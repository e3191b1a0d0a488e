import { describe, expect, it } from "vitest";
import { baseUsername, isValidUsername, USERNAME_MAX_LENGTH, usernameCandidates, Username } from "./username";

describe("Username", () => {
  it.each(["alice", "bob-42", "x_y", "abc", "a".repeat(24), "0day"])("accepts %s", (name) => {
    expect(isValidUsername(name)).toBe(true);
  });

  it.each(["ab", "a".repeat(25), "Alice", "al ice", "-alice", "_alice", "alïce", "admin", "api", "signin"])("refuses %j", (name) => {
    expect(isValidUsername(name)).toBe(false);
  });

  it("says one thing about an empty or short name: its length", () => {
    for (const name of ["", "A!"]) expect(Username.safeParse(name).error?.issues.map((i) => i.message)).toEqual(["Use at least 3 characters."]);
    expect(Username.safeParse("Ab!").error?.issues.map((i) => i.message)).toEqual(["Use lowercase letters, digits, hyphens and underscores, starting with a letter or digit."]);
  });

  it("explains a reserved name", () => {
    const result = Username.safeParse("admin");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe("That username is reserved.");
  });
});

describe("baseUsername", () => {
  it.each([
    ["octocat", "octocat"],
    ["José Núñez", "jose-nunez"],
    ["ada.lovelace@example.org", "ada-lovelace"],
    ["__Grace__Hopper__", "grace-hopper"],
    ["Admin", "admin-reader"],
    ["x", "x-reader"],
    ["", "reader"],
    [null, "reader"],
    ["李小龙", "reader"],
  ])("turns %j into %j", (seed, expected) => {
    expect(baseUsername(seed)).toBe(expected);
  });

  it("always makes a valid username with room for a suffix", () => {
    for (const seed of ["a-very-long-display-name-that-goes-on-and-on", "x".repeat(100), "--__--", "ünïcödé"]) {
      const name = baseUsername(seed);
      expect(isValidUsername(name)).toBe(true);
      expect(name.length).toBeLessThanOrEqual(USERNAME_MAX_LENGTH - 5);
    }
  });
});

describe("usernameCandidates", () => {
  it("tries the base first, then distinct valid suffixed names", () => {
    let n = 0;
    const candidates = usernameCandidates("octocat", () => (n++ % 7) / 7);
    expect(candidates[0]).toBe("octocat");
    expect(new Set(candidates).size).toBe(candidates.length);
    for (const name of candidates) expect(isValidUsername(name)).toBe(true);
    expect(candidates[1]).toMatch(/^octocat-\d{4}$/);
  });
});
