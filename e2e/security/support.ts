import fs from "node:fs";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import type postgres from "postgres";
import { READER_PASSWORD, seedReader } from "../support/readers";

// Shared tools of the attack suite: sessions without a browser, Server Action calls by ID (as a
// forged request would make them), and a fingerprint of every table a write could touch.

export const BASE_URL = `http://localhost:${Number(process.env.E2E_PORT ?? 3100)}`;

/** Every table a user-facing write could change. rate_limit_buckets moves on every try by design. */
const TABLES = ["users", "accounts", "papers", "paper_authors", "daily_entries", "votes", "comments", "comment_votes", "audit_log", "subscriptions", "digest_sends", "verification_tokens"];

/** One md5 per table over every row, so "nothing changed" means nothing at all. */
export async function fingerprint(sql: postgres.Sql): Promise<Record<string, string>> {
  const parts = TABLES.map((t) => `select '${t}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from ${t} x`);
  const rows = await sql.unsafe<{ name: string; digest: string }[]>(parts.join(" union all "));
  return Object.fromEntries(rows.map((r) => [r.name, r.digest]));
}

export async function seedAdmin(sql: postgres.Sql, prefix = "sec_admin", options: { banned?: boolean } = {}) {
  const admin = await seedReader(sql, prefix, options);
  await sql`update users set role = 'admin' where id = ${admin.id}`;
  return admin;
}

/** An API client signed in through Auth.js's own credentials endpoint (no browser needed). */
export async function sessionFor(email: string): Promise<APIRequestContext> {
  const client = await playwrightRequest.newContext({ baseURL: BASE_URL });
  const { csrfToken } = (await (await client.get("/api/auth/csrf")).json()) as { csrfToken: string };
  await client.post("/api/auth/callback/credentials", { form: { csrfToken, email, password: READER_PASSWORD, callbackUrl: "/" }, maxRedirects: 0 });
  const cookies = (await client.storageState()).cookies.map((c) => c.name);
  expect(cookies, `signed in as ${email}`).toContain("authjs.session-token");
  return client;
}

export async function anonymousClient(): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: BASE_URL });
}

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

/** Server Action IDs of the build, by exported name (each name is unique in this app). */
export function actionIds(): Record<string, string> {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const ids: Record<string, string> = {};
  for (const [id, { exportedName }] of Object.entries(manifest.node)) if (exportedName) ids[exportedName] = id;
  return ids;
}

export type ActionCall = { status: number; text: string; result: { ok: boolean; error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } | null; redirect: string | null };

const ACTION_HEADERS = { "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" };

/** Reads the action's return value out of the RSC stream (row 1), if it returned one. */
async function readAction(response: APIResponse): Promise<ActionCall> {
  const text = await response.text();
  const row = text.split("\n").find((line) => line.startsWith("1:"));
  let result: ActionCall["result"] = null;
  try {
    const value = row ? JSON.parse(row.slice(2)) : null;
    if (value && typeof value === "object" && "ok" in value) result = value;
  } catch {
    // not an action result: leave null
  }
  return { status: response.status(), text, result, redirect: response.headers()["x-action-redirect"] ?? null };
}

/**
 * Calls a Server Action the way a forged request would: POST to a page with its ID and the
 * arguments encoded as JSON (`args`) or, with `form`, as the multipart FormData post a browser
 * sends (after a null previous state when `withState`, as useActionState sends it).
 */
export async function callAction(
  client: APIRequestContext,
  { path, id, args, raw, form, withState = true, headers = {} }: { path: string; id: string; args?: unknown[]; raw?: string; form?: Record<string, string>; withState?: boolean; headers?: Record<string, string> },
): Promise<ActionCall> {
  if (form) {
    // React 19.3's encoding: the FormData's fields as "_1_<name>", then the root "0" that refers to
    // it — last, because the server resolves the root as soon as it arrives.
    // (A FormData, not an object: an object would list the integer-like key "0" first.)
    const multipart = new FormData();
    for (const [key, value] of Object.entries(form)) multipart.append(`_1_${key}`, value);
    multipart.append("0", JSON.stringify(withState ? [null, "$K1"] : ["$K1"]));
    const response = await client.post(path, { headers: { accept: "text/x-component", "next-action": id, ...headers }, multipart, maxRedirects: 0 });
    return readAction(response);
  }
  const response = await client.post(path, { headers: { ...ACTION_HEADERS, "next-action": id, ...headers }, data: raw ?? JSON.stringify(args ?? []), maxRedirects: 0 });
  return readAction(response);
}

/** The server still answers normally after an attack. */
export async function expectServerUp(client: APIRequestContext) {
  const health = await client.get("/api/health");
  expect(health.status()).toBe(200);
  const page = await client.get("/papers/2411.00042");
  expect(page.status()).toBe(200);
}
