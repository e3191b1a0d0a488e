import { describe, expect, it } from "vitest";
import { parseInput } from "../action-core";
import { DisplayName, SignInInput, SignUpInput } from "./schemas";

const valid = { username: "ada_l", name: "Ada Lovelace", email: " Lovelace@Example.org ", password: "analytical engine" };

describe("SignUpInput", () => {
  it("normalises the email and keeps the rest", () => {
    expect(SignUpInput.parse(valid)).toEqual({ ...valid, email: "lovelace@example.org" });
  });

  it("reports each field's problems under its own name", () => {
    const result = parseInput(SignUpInput, { username: "Admin!", name: " ", email: "nope", password: "short" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("invalid_input");
    expect(Object.keys(result.error.fieldErrors ?? {}).sort()).toEqual(["email", "name", "password", "username"]);
  });

  it("checks password rules against the username and email", () => {
    const result = parseInput(SignUpInput, { ...valid, password: "ada_l_1234567" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fieldErrors).toEqual({ password: ["Do not use your username in your password."] });
  });

  it("reads FormData", () => {
    const form = new FormData();
    for (const [key, value] of Object.entries(valid)) form.set(key, value);
    expect(parseInput(SignUpInput, form)).toEqual({ ok: true, data: { ...valid, email: "lovelace@example.org" } });
  });
});

describe("SignInInput", () => {
  it("accepts any non-empty password, whatever its strength", () => {
    expect(SignInInput.parse({ email: "a@b.co", password: "x" })).toEqual({ email: "a@b.co", password: "x" });
  });

  it("asks for missing fields", () => {
    const result = parseInput(SignInInput, {});
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.fieldErrors).toEqual({ email: ["Enter your email address."], password: ["Enter your password."] });
  });
});

describe("DisplayName", () => {
  it("keeps names in any script, right-to-left ones and combining marks included", () => {
    for (const name of ["Ada Lovelace", "Émilie du Châtelet", "محمد بن موسى الخوارزمي", "שרה", "李白", "Zoë 🙂"]) expect(DisplayName.parse(name)).toBe(name);
  });

  it("refuses names that render as nothing, or that reorder the text around them", () => {
    expect(DisplayName.safeParse("\u200b").error?.issues[0].message).toBe("Use at least one visible character.");
    expect(DisplayName.safeParse("\u200b\u200d\u2060").error?.issues[0].message).toBe("Use at least one visible character.");
    // Displays as "alice admin".
    expect(DisplayName.safeParse("\u202eecila\u202c admin").error?.issues[0].message).toMatch(/text-direction control characters/);
    expect(DisplayName.safeParse("x\u2067y").success).toBe(false);
    expect(DisplayName.safeParse("\u061cadmin").success).toBe(false);
    // Letters drawn blank: Hangul fillers, the blank braille pattern.
    for (const blank of ["\u3164\u3164\u3164", "\u2800", "\uffa0", "\u115f\u1160"]) {
      expect(DisplayName.safeParse(blank).error?.issues[0].message, JSON.stringify(blank)).toBe("Use at least one visible character.");
    }
  });
});
