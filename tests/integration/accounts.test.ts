import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrator";
import { createAuthAdapter } from "@/db/queries/auth-adapter";
import { endSessions } from "@/db/queries/users";
import { castPaperVote } from "@/db/queries/votes";
import { users } from "@/db/schema";
import { runAction } from "@/lib/action-core";
import { handlers } from "@/lib/auth";
import { checkCredentials } from "@/lib/auth/credentials";
import { claimsOf, loadSessionUser, loadSessionUserWithPaperVotes } from "@/lib/auth/current-user";
import { registerUser } from "@/lib/auth/register";
import { SignUpInput } from "@/lib/auth/schemas";
import { z } from "zod";
import { makePaper } from "../support/fixtures";
import { createServerDatabase, type ServerDatabase } from "../support/server-database";

// Accounts against a real PostgreSQL: a fresh database per run, migrated with the committed
// migrations, dropped afterwards. Auth.js is driven through the same route handlers the app
// serves, so cookies, CSRF, callbacks and events are the real ones.

const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const ORIGIN = "http://localhost:3200";
const originalDatabaseUrl = process.env.DATABASE_URL;
let database: ServerDatabase;

beforeAll(async () => {
  database = await createServerDatabase(SERVER_URL, "accounts");
  await migrateDatabase({ kind: "server", url: database.url });
  await closeDb();
  process.env.DATABASE_URL = database.url; // getDb() and getEnv() read it on first use
});

afterAll(async () => {
  await closeDb();
  await database.drop();
  process.env.DATABASE_URL = originalDatabaseUrl;
});

let serial = 0;
async function signUp(overrides: Partial<Record<"username" | "name" | "email" | "password", string>> = {}) {
  serial += 1;
  const input = SignUpInput.parse({
    username: `reader${serial}`,
    name: `Reader ${serial}`,
    email: `reader${serial}@example.org`,
    password: "a long enough passphrase",
    ...overrides,
  });
  const result = await registerUser(input);
  if (!result.ok) throw new Error(`sign-up failed: ${JSON.stringify(result.error.toPayload())}`);
  return result.user;
}

async function userRow(id: string) {
  const [row] = await getDb().select().from(users).where(eq(users.id, id));
  return row;
}

/** A tiny cookie jar for driving the Auth.js route handlers like a browser would. */
class Browser {
  cookies = new Map<string, string>();

  async request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers = new Headers({ cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") });
    let body: string | undefined;
    if (init.form) {
      headers.set("content-type", "application/x-www-form-urlencoded");
      body = new URLSearchParams(init.form).toString();
    }
    const method = init.method ?? (init.form ? "POST" : "GET");
    const request = new NextRequest(`${ORIGIN}${path}`, { method, headers, body });
    const response = await (method === "POST" ? handlers.POST : handlers.GET)(request);
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, ...value] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0|expires=thu, 01 jan 1970/i.test(a.trim()));
      if (expired) this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value.join("="));
    }
    return response;
  }

  async csrf(): Promise<string> {
    const response = await this.request("/api/auth/csrf");
    return ((await response.json()) as { csrfToken: string }).csrfToken;
  }

  async signIn(email: string, password: string) {
    const csrfToken = await this.csrf();
    return this.request("/api/auth/callback/credentials", { form: { email, password, csrfToken, callbackUrl: "/u/somewhere" } });
  }

  async signOut() {
    const csrfToken = await this.csrf();
    return this.request("/api/auth/signout", { form: { csrfToken, callbackUrl: "/" } });
  }

  /** What getCurrentUser() would see for this browser's session cookie. */
  async currentUser() {
    const response = await this.request("/api/auth/session");
    return loadSessionUser(claimsOf(await response.json()));
  }
}

describe("sign-up", () => {
  it("creates a user with an argon2id hash and a normalised email", async () => {
    const user = await signUp({ username: "ada_l", name: "Ada Lovelace", email: "  Lovelace@Example.ORG " });
    const row = await userRow(user.id);
    expect(row).toMatchObject({ username: "ada_l", name: "Ada Lovelace", email: "lovelace@example.org", role: "user", bannedAt: null, sessionVersion: 0 });
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$/);
    expect(row.passwordHash).not.toContain("a long enough passphrase");
  });

  it("refuses a taken username and a taken email, each on its own field", async () => {
    await signUp({ username: "taken", email: "taken@example.org" });
    const sameName = await registerUser(SignUpInput.parse({ username: "taken", name: "X", email: "other@example.org", password: "a long enough passphrase" }));
    expect(sameName.ok).toBe(false);
    if (!sameName.ok) expect(sameName.error.toPayload()).toMatchObject({ code: "conflict", fieldErrors: { username: ["That username is taken."] } });

    const sameEmail = await registerUser(SignUpInput.parse({ username: "nottaken", name: "X", email: "TAKEN@example.org", password: "a long enough passphrase" }));
    expect(sameEmail.ok).toBe(false);
    if (!sameEmail.ok) expect(Object.keys(sameEmail.error.fieldErrors ?? {})).toEqual(["email"]);
    expect(await getDb().select().from(users).where(eq(users.username, "nottaken"))).toEqual([]);
  });
});

describe("password sign-in", () => {
  it("gives identical errors for a wrong password, an unknown email and a password-less account", async () => {
    const user = await signUp({ email: "known@example.org" });
    await createAuthAdapter().createUser({ id: "ignored", email: "linkonly@example.org", emailVerified: null });

    const wrong = await checkCredentials({ email: "known@example.org", password: "not the password" });
    const unknown = await checkCredentials({ email: "nobody@example.org", password: "not the password" });
    const passwordless = await checkCredentials({ email: "linkonly@example.org", password: "not the password" });
    expect(wrong.ok).toBe(false);
    if (wrong.ok || unknown.ok || passwordless.ok) throw new Error("unreachable");
    expect(wrong.error.toPayload()).toEqual({ code: "invalid_credentials", message: "That email and password do not match an account." });
    expect(unknown.error.toPayload()).toEqual(wrong.error.toPayload());
    expect(passwordless.error.toPayload()).toEqual(wrong.error.toPayload());

    expect(await checkCredentials({ email: "known@example.org", password: "a long enough passphrase" })).toEqual({ ok: true, userId: user.id });
  });

  it("answers the Auth.js endpoint the same way for a wrong password and an unknown email", async () => {
    await signUp({ email: "endpoint@example.org" });
    const wrong = await new Browser().signIn("endpoint@example.org", "not the password");
    const unknown = await new Browser().signIn("ghost@example.org", "not the password");
    expect(wrong.status).toBe(302);
    expect(wrong.headers.get("location")).toBe(`${ORIGIN}/signin?error=CredentialsSignin&code=credentials`);
    expect(unknown.headers.get("location")).toBe(wrong.headers.get("location"));
  });

  it("tells a suspended user only once the password is right", async () => {
    const user = await signUp({ email: "suspended@example.org" });
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, user.id));
    expect((await new Browser().signIn("suspended@example.org", "not the password")).headers.get("location")).toContain("code=credentials");
    expect((await new Browser().signIn("suspended@example.org", "a long enough passphrase")).headers.get("location")).toContain("code=suspended");
  });
});

describe("sessions", () => {
  it("signs in through Auth.js and is read back from the database", async () => {
    const user = await signUp({ email: "session@example.org" });
    const browser = new Browser();
    const response = await browser.signIn("session@example.org", "a long enough passphrase");
    expect(response.headers.get("location")).toBe(`${ORIGIN}/u/somewhere`);
    expect((await browser.currentUser())?.id).toBe(user.id);
  });

  it("ends every copy of a session cookie at sign-out", async () => {
    const user = await signUp({ email: "signout@example.org" });
    const browser = new Browser();
    await browser.signIn("signout@example.org", "a long enough passphrase");
    const stolen = new Browser();
    stolen.cookies = new Map(browser.cookies);
    expect((await stolen.currentUser())?.id).toBe(user.id);

    await browser.signOut();
    expect(await browser.currentUser()).toBeNull(); // the cookie is gone
    expect(await stolen.currentUser()).toBeNull(); // the copy is still a valid JWT, but outdated
    expect((await userRow(user.id)).sessionVersion).toBe(1);

    const again = new Browser();
    await again.signIn("signout@example.org", "a long enough passphrase");
    expect((await again.currentUser())?.id).toBe(user.id);
  });

  it("moves the session version once per session, however often sign-out runs", async () => {
    const user = await signUp();
    const claims = { userId: user.id, sessionVersion: 0 };
    expect(await loadSessionUser(claims)).not.toBeNull();
    expect(await endSessions({ userId: user.id, fromVersion: 0 })).toBe(true);
    expect(await endSessions({ userId: user.id, fromVersion: 0 })).toBe(false);
    expect(await loadSessionUser(claims)).toBeNull();
    expect(await loadSessionUser({ userId: user.id, sessionVersion: 1 })).not.toBeNull();
  });

  it("gives /api/me's votes only with a session that still holds: none once it is signed out, kept for a suspended reader", async () => {
    const user = await signUp();
    const paperId = "2501.00421";
    await makePaper({ id: paperId });
    await castPaperVote({ userId: user.id, paperId });
    const claims = { userId: user.id, sessionVersion: 0 };
    const votes = { upvoted: [paperId], counts: { [paperId]: 1 } };
    expect(await loadSessionUserWithPaperVotes(claims, [paperId])).toEqual({ user: expect.objectContaining({ id: user.id }), votes });

    // Suspended: still signed in, shown as suspended by /api/me, with their votes, as before.
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, user.id));
    expect(await loadSessionUserWithPaperVotes(claims, [paperId])).toEqual({ user: expect.objectContaining({ id: user.id, bannedAt: expect.any(Date) }), votes });

    await endSessions({ userId: user.id, fromVersion: 0 });
    expect(await loadSessionUserWithPaperVotes(claims, [paperId])).toEqual({ user: null });
  });
});

describe("the action guard", () => {
  const schema = z.object({ note: z.string().min(1) });

  it("refuses a user banned after signing in, from the next request on", async () => {
    const user = await signUp();
    const claims = { userId: user.id, sessionVersion: 0 };
    const fn = vi.fn(async ({ note }: { note: string }) => note.toUpperCase());

    expect(await runAction({ user: await loadSessionUser(claims), schema, input: { note: "hi" }, fn })).toEqual({ ok: true, data: "HI" });
    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, user.id));
    const refused = await runAction({ user: await loadSessionUser(claims), schema, input: { note: "hi" }, fn });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden:banned" } });
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it("refuses a demoted admin's admin action on the next request", async () => {
    const user = await signUp();
    await getDb().update(users).set({ role: "admin" }).where(eq(users.id, user.id));
    const claims = { userId: user.id, sessionVersion: 0 };
    const fn = async () => "done";

    expect(await runAction({ user: await loadSessionUser(claims), schema, input: { note: "x" }, fn, options: { role: "admin" } })).toEqual({ ok: true, data: "done" });
    await getDb().update(users).set({ role: "user" }).where(eq(users.id, user.id));
    expect(await runAction({ user: await loadSessionUser(claims), schema, input: { note: "x" }, fn, options: { role: "admin" } })).toMatchObject({
      ok: false,
      error: { code: "forbidden:role" },
    });
  });

  it("refuses a signed-out session as unauthorized", async () => {
    const user = await signUp();
    await endSessions({ userId: user.id });
    const result = await runAction({ user: await loadSessionUser({ userId: user.id, sessionVersion: 0 }), schema, input: { note: "x" }, fn: async () => 1 });
    expect(result).toMatchObject({ ok: false, error: { code: "unauthorized" } });
  });
});

describe("an address verified by email link", () => {
  it("drops a password set before anyone proved the address, and ends its sessions", async () => {
    // Someone signs up with an address that is not theirs; its owner later signs in by link.
    const squatter = await signUp({ username: "squatter", email: "owner@example.org" });
    const before = await userRow(squatter.id);
    await createAuthAdapter().updateUser!({ id: squatter.id, emailVerified: new Date() });
    const after = await userRow(squatter.id);
    expect(after.passwordHash).toBeNull();
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.emailVerified).toBeInstanceOf(Date);
    expect(await checkCredentials({ email: "owner@example.org", password: "a long enough passphrase" })).toMatchObject({ ok: false });
  });

  it("leaves an account whose address was already verified alone", async () => {
    const reader = await signUp({ username: "verified", email: "verified@example.org" });
    await getDb().update(users).set({ emailVerified: new Date("2026-01-01") }).where(eq(users.id, reader.id));
    const before = await userRow(reader.id);
    await createAuthAdapter().updateUser!({ id: reader.id, emailVerified: new Date() });
    const after = await userRow(reader.id);
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(after.sessionVersion).toBe(before.sessionVersion);
  });
});

describe("users from email links and OAuth", () => {
  it("get a derived, de-duplicated username and nothing they did not ask for", async () => {
    const adapter = createAuthAdapter();
    const first = await adapter.createUser({ id: "gh-1", email: "octo@example.org", emailVerified: null, name: "The Octocat", username: "octocat", role: "admin" } as never);
    const second = await adapter.createUser({ id: "gh-2", email: "octo2@example.org", emailVerified: null, name: "Octo", username: "OctoCat" } as never);
    const fromEmail = await adapter.createUser({ id: "x", email: "jane.doe.1985@example.org", emailVerified: new Date() });
    const reserved = await adapter.createUser({ id: "y", email: "a@example.org", emailVerified: null, name: "Admin" });

    expect((await userRow(first.id)).username).toBe("octocat");
    expect((await userRow(first.id)).role).toBe("user");
    expect((await userRow(second.id)).username).toMatch(/^octocat-\d{4}$/);
    expect((await userRow(fromEmail.id)).username).toMatch(/^reader-\d{4}$/); // nothing taken from the address
    expect((await userRow(reserved.id)).username).toBe("admin-reader");
  });
});
