import { describe, expect, it } from "vitest";
import { PASSWORD_MAX_LENGTH, passwordProblems } from "./password-rules";

const context = { email: "Ada.Lovelace@example.org", username: "ada_l" };

describe("passwordProblems", () => {
  it("accepts a long password unrelated to the account", () => {
    expect(passwordProblems("correct horse battery", context)).toEqual([]);
  });

  it("needs at least 10 characters", () => {
    expect(passwordProblems("123456789", context)).toEqual(["Use at least 10 characters."]);
    expect(passwordProblems("1234567890", context)).toEqual([]);
  });

  it("refuses long passwords made of a few characters, spaces aside", () => {
    for (const weak of [" ".repeat(10), "a".repeat(12), "abababababab", "aa bb aa bb aa"]) {
      expect(passwordProblems(weak), JSON.stringify(weak)).toEqual(["Use at least 5 different characters, not counting spaces."]);
    }
    expect(passwordProblems("1234567890")).toEqual([]);
  });

  it("caps the length so hashing stays cheap", () => {
    expect(passwordProblems("abcdefghij".repeat(26), context)).toEqual([`Use at most ${PASSWORD_MAX_LENGTH} characters.`]);
  });

  it("refuses the email's local part, alone or inside, in any case", () => {
    expect(passwordProblems("ada.lovelace", context)).toContain("Do not use your email address in your password.");
    expect(passwordProblems("my-ADA.LOVELACE-2024", context)).toContain("Do not use your email address in your password.");
  });

  it("refuses the username, alone or inside", () => {
    expect(passwordProblems("ada_l_rocks_hard", context)).toEqual(["Do not use your username in your password."]);
  });

  it("reports every broken rule at once", () => {
    expect(passwordProblems("ada_l", context)).toEqual(["Use at least 10 characters.", "Do not use your username in your password."]);
  });

  it("ignores identifiers too short to mean anything", () => {
    expect(passwordProblems("a wonderful passphrase", { email: "a@example.org" })).toEqual([]);
  });

  it("works without any context", () => {
    expect(passwordProblems("long enough password")).toEqual([]);
  });
});
