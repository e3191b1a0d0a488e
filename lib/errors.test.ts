import { describe, expect, it } from "vitest";
import { AppError, friendlyMessage, httpStatus, isErrorCode } from "./errors";

describe("AppError", () => {
  it("maps codes to HTTP statuses", () => {
    expect(httpStatus("unauthorized")).toBe(401);
    expect(httpStatus("forbidden:banned")).toBe(403);
    expect(httpStatus("forbidden:role")).toBe(403);
    expect(httpStatus("invalid_input")).toBe(400);
    expect(httpStatus("rate_limited")).toBe(429);
    expect(new AppError("not_found").status).toBe(404);
  });

  it("carries the friendly message unless given another, and keeps the cause off the payload", () => {
    const cause = new Error("duplicate key value violates unique constraint");
    const error = new AppError("conflict", { cause });
    expect(error.message).toBe(friendlyMessage("conflict"));
    expect(error.cause).toBe(cause);
    expect(error.toPayload()).toEqual({ code: "conflict", message: friendlyMessage("conflict") });
    expect(new AppError("invalid_input", { message: "Nope.", fieldErrors: { a: ["b"] } }).toPayload()).toEqual({
      code: "invalid_input",
      message: "Nope.",
      fieldErrors: { a: ["b"] },
    });
  });

  it("recognises its own codes only", () => {
    expect(isErrorCode("forbidden:banned")).toBe(true);
    expect(isErrorCode("toString")).toBe(false);
    expect(isErrorCode(42)).toBe(false);
  });
});
