import type { Server } from "node:http";
import { expect, test, type Page } from "@playwright/test";
import Provider from "oidc-provider";
import postgres from "postgres";

// Hugging Face sign-in (OpenID Connect) against a real local OIDC provider. The server under test
// must know it: AUTH_HUGGINGFACE_ID=paperboard-e2e, AUTH_HUGGINGFACE_SECRET=paperboard-e2e-secret,
// AUTH_HUGGINGFACE_ISSUER=http://127.0.0.1:2527 (the same variables reach this file).

const ISSUER = new URL(process.env.AUTH_HUGGINGFACE_ISSUER ?? "http://127.0.0.1:2527");
const CLIENT_ID = process.env.AUTH_HUGGINGFACE_ID ?? "paperboard-e2e";
const CLIENT_SECRET = process.env.AUTH_HUGGINGFACE_SECRET ?? "paperboard-e2e-secret";
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
const run = Date.now().toString(36).slice(-5);

let server: Server;
let sql: postgres.Sql;

test.beforeAll(async ({ baseURL }) => {
  if (!DATABASE_URL) throw new Error("Set E2E_DATABASE_URL (or DATABASE_URL) to the database the server under test uses.");
  sql = postgres(DATABASE_URL, { max: 1, onnotice: () => {} });
  const provider = new Provider(ISSUER.origin, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${baseURL}/api/auth/callback/huggingface`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // Any login is an account whose handle is the login itself, like a Hugging Face username.
    async findAccount(_ctx, id) {
      return {
        accountId: id,
        claims: async () => ({ sub: id, name: `HF ${id}`, preferred_username: id, email: `${id}@hf.e2e.local`, email_verified: true }),
      };
    },
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email", "email_verified"] },
    conformIdTokenClaims: false, // put profile claims in the ID token, which is what Auth.js reads
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["paperboard-e2e-only"] },
  });
  await new Promise<void>((resolve, reject) => {
    server = provider.listen(Number(ISSUER.port), ISSUER.hostname, resolve);
    server.once("error", reject);
  });
});

test.afterAll(async () => {
  if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  await sql?.end();
});

/** Signs in through the provider's login and consent pages; use a fresh context each time. */
async function signInWithHuggingFace(page: Page, login: string) {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with Hugging Face" }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("anything");
  await page.getByRole("button", { name: "Sign-in" }).click();
  // Consent is asked only once per account and client; either way we end up back on Paperboard.
  const consent = page.getByRole("button", { name: "Continue" });
  await expect(consent.or(accountNav(page))).toBeVisible();
  if (await consent.isVisible()) await consent.click();
  await expect(accountNav(page)).toBeVisible();
}

function accountNav(page: Page) {
  return page.getByRole("navigation", { name: "Account" });
}

test("a new Hugging Face user gets a de-duplicated username; a banned one is turned away", async ({ page, browser }) => {
  // "alice" is a demo reader already, so this newcomer must get a different handle.
  const login = `alice`;
  await signInWithHuggingFace(page, login);
  const profileLink = accountNav(page).getByRole("link", { name: /^Your profile \(alice-\d{4}\)$/ });
  await expect(profileLink).toBeVisible();

  const [row] = await sql<{ id: string; username: string }[]>`
    select u.id, u.username from users u join accounts a on a.user_id = u.id
    where a.provider = 'huggingface' and a.provider_account_id = ${login}`;
  expect(row.username).toMatch(/^alice-\d{4}$/);

  await sql`update users set banned_at = now() where id = ${row.id}`;
  const later = await browser.newContext();
  try {
    const again = await later.newPage();
    await signInWithHuggingFace(again, login);
    await expect(again.getByRole("main").getByRole("alert")).toHaveText("That account cannot sign in here.");
    await expect(accountNav(again).getByRole("link", { name: "Sign in" })).toBeVisible();
  } finally {
    await later.close();
    await sql`update users set banned_at = null where id = ${row.id}`;
  }
});

test("a Hugging Face handle that is free is kept as the username", async ({ page }) => {
  const login = `hf_${run}`;
  await signInWithHuggingFace(page, login);
  await expect(accountNav(page).getByRole("link", { name: `Your profile (${login})` })).toBeVisible();
});
