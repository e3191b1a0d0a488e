import { describe, expect, it } from "vitest";
import { avatarColor, avatarHue, initials } from "./avatar";

describe("initials", () => {
  it.each([
    ["Ada Lovelace", "ada", "AL"],
    ["Grace Brewster Murray Hopper", "grace", "GH"],
    ["Émilie du Châtelet", null, "ÉC"],
    ["plato", "plato", "P"],
    ["  ", "ken_t", "K"],
    [null, "_x9", "X"],
    [null, null, "?"],
    ["(Ada) Lovelace", null, "AL"],
  ])("%j / %j → %s", (name, username, expected) => {
    expect(initials(name, username)).toBe(expected);
  });
});

describe("avatar colour", () => {
  it("is stable for a key and varies between keys", () => {
    expect(avatarHue("alice")).toBe(avatarHue("alice"));
    const hues = new Set(["alice", "bob", "carol", "dave", "erin", "frank"].map(avatarHue));
    expect(hues.size).toBeGreaterThan(3);
  });

  it("stays within the hue circle", () => {
    for (const key of ["", "a", "zzzzzzzzzzzz", "🙂"]) {
      const hue = avatarHue(key);
      expect(hue).toBeGreaterThanOrEqual(0);
      expect(hue).toBeLessThan(360);
    }
    expect(avatarColor("alice")).toMatch(/^oklch\(0\.5 0\.13 \d+\)$/);
  });
});
