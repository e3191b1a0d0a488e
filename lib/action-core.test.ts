import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { checkAccess, parseInput, runAction } from "./action-core";
import type { SessionUser } from "./auth/session-user";
import { AppError } from "./errors";

const reader: SessionUser = {
  id: "u1",
  username: "reader",
  name: "Reader",
  email: "reader@example.org",
  image: null,
  role: "user",
  bannedAt: null,
  sessionVersion: 0,
  createdAt: new Date("2025-01-01T00:00:00Z"),
  emailVerified: null,
};
const admin: SessionUser = { ...reader, id: "u2", role: "admin" };
const banned: SessionUser = { ...reader, id: "u3", bannedAt: new Date("2024-01-01T00:00:00Z") };

const schema = z.object({ paperId: z.string().min(1, "Pick a paper."), count: z.coerce.number().int() });

describe("checkAccess", () => {
  it("refuses the signed-out, the banned and the wrong role, in that order", () => {
    expect(checkAccess(null)?.code).toBe("unauthorized");
    expect(checkAccess(banned)?.code).toBe("forbidden:banned");
    expect(checkAccess({ ...banned, role: "admin" }, { role: "admin" })?.code).toBe("forbidden:banned");
    expect(checkAccess(reader, { role: "admin" })?.code).toBe("forbidden:role");
  });

  it("lets users act, and admins act as users too", () => {
    expect(checkAccess(reader)).toBeNull();
    expect(checkAccess(admin, { role: "admin" })).toBeNull();
    expect(checkAccess(admin, { role: "user" })).toBeNull();
  });
});

describe("parseInput", () => {
  it("coerces form strings and ignores Next's own fields", () => {
    const form = new FormData();
    form.set("paperId", "2401.00001");
    form.set("count", "3");
    form.set("$ACTION_ID_abc", "");
    expect(parseInput(schema, form)).toEqual({ ok: true, data: { paperId: "2401.00001", count: 3 } });
  });

  it("returns field errors by name", () => {
    expect(parseInput(schema, { paperId: "", count: "x" })).toEqual({
      ok: false,
      error: {
        code: "invalid_input",
        message: "Some of the fields need another look.",
        fieldErrors: { paperId: ["Pick a paper."], count: [expect.any(String)] },
      },
    });
  });
});

describe("runAction", () => {
  const fn = vi.fn(async (input: z.output<typeof schema>, user: SessionUser) => ({ by: user.username, ...input }));

  it("hands parsed input and the user to fn", async () => {
    const result = await runAction({ user: reader, schema, input: { paperId: "p", count: "2" }, fn });
    expect(result).toEqual({ ok: true, data: { by: "reader", paperId: "p", count: 2 } });
  });

  it("never calls fn for a refused user, even with invalid input", async () => {
    fn.mockClear();
    const result = await runAction({ user: banned, schema, input: {}, fn });
    expect(result).toEqual({ ok: false, error: { code: "forbidden:banned", message: expect.any(String) } });
    expect(fn).not.toHaveBeenCalled();
  });

  it("passes an AppError from fn through, and hides anything else", async () => {
    const conflict = await runAction({
      user: reader,
      schema,
      input: { paperId: "p", count: 1 },
      fn: async () => {
        throw new AppError("conflict");
      },
    });
    expect(conflict).toMatchObject({ ok: false, error: { code: "conflict" } });

    const log = vi.fn();
    const crash = await runAction({
      user: reader,
      schema,
      input: { paperId: "p", count: 1 },
      fn: async () => {
        throw new Error("connection reset: password=hunter2");
      },
      log,
    });
    expect(crash).toEqual({ ok: false, error: { code: "internal", message: "Something went wrong on our side. Please try again." } });
    expect(log).toHaveBeenCalledOnce();
  });

  it("lets framework control flow escape", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
    const rethrow = (error: unknown) => {
      if (error === redirect) throw error;
    };
    await expect(
      runAction({
        user: reader,
        schema,
        input: { paperId: "p", count: 1 },
        fn: async () => {
          throw redirect;
        },
        rethrow,
      }),
    ).rejects.toBe(redirect);
  });
});

describe("runAction when the database is unreachable", () => {
  it("answers unavailable (503), not internal, and logs the cause", async () => {
    const log = vi.fn();
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const result = await runAction({ user: reader, schema, input: { paperId: "p", count: "1" }, fn: async () => Promise.reject(new Error("Failed query", { cause: refused })), log });
    expect(result).toEqual({ ok: false, error: { code: "unavailable", message: expect.stringContaining("Nothing was saved") } });
    expect(log).toHaveBeenCalledOnce();
  });
});
