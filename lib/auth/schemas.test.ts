import { describe, expect, it } from "vitest";
import { parseInput } from "../action-core";
import { SignInInput, SignUpInput } from "./schemas";

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
