import { expect, type Page } from "@playwright/test";
import type postgres from "postgres";
import { hashPassword } from "@/lib/auth/password";

export const READER_PASSWORD = "a long enough passphrase";

let counter = 0;

/** A reader made straight in the database, as documenso's tests do: no UI steps to break first. */
export async function seedReader(sql: postgres.Sql, prefix: string, { banned = false, ageDays = 30 } = {}) {
  counter += 1;
  const username = `${prefix}_${Date.now().toString(36).slice(-4)}${counter}`.slice(0, 24);
  const email = `${username}@e2e.paperboard.local`;
  const [row] = await sql<{ id: string }[]>`
    insert into users (id, username, name, email, password_hash, banned_at, created_at)
    values (${crypto.randomUUID()}, ${username}, ${`Reader ${username}`}, ${email}, ${await hashPassword(READER_PASSWORD)},
            ${banned ? new Date() : null}, ${new Date(Date.now() - ageDays * 86_400_000)})
    returning id`;
  return { id: row.id, username, email };
}

export async function signIn(page: Page, email: string, callbackUrl?: string) {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/signin");
  await fillSignInForm(page, email);
  // The header learns who is reading from /api/me once the page runs: give a busy machine time.
  await expect(page.getByRole("navigation", { name: "Account" }).getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 15_000 });
}

export async function fillSignInForm(page: Page, email: string) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(READER_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}
