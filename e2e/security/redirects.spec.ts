import { expect, test, type APIRequestContext } from "@playwright/test";
import { testSql } from "../support/db";
import { READER_PASSWORD, seedReader } from "../support/readers";
import { actionIds, anonymousClient, BASE_URL, callAction } from "./support";

// Open redirects through callbackUrl: the sign-in page's forms, the sign-in action, and Auth.js's
// own sign-in, callback and sign-out endpoints. Every redirect must stay on our origin.

const sql = testSql();
const ids = actionIds();
test.afterAll(async () => {
  await sql.end();
});

const TARGETS = [
  "https://evil.example/steal",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "https:evil.example",
  "http:/evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "/\t/evil.example",
  " //evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  `${BASE_URL}@evil.example`,
  `${BASE_URL}.evil.example`,
  "https://evil.example%2F@localhost/",
];

/** A redirect target is ours: relative to our origin and not protocol-relative in any spelling. */
function expectOurs(location: string | null | undefined, label: string) {
  expect(location, label).toBeTruthy();
  const target = location!.replace(/;(push|replace)$/, "");
  expect(target, label).not.toMatch(/^\s*[/\\]{2}|^\/\\/);
  expect(new URL(target, BASE_URL).origin, label).toBe(new URL(BASE_URL).origin);
}

test("callbackUrl never sends anyone off-site: sign-in page, sign-in action, Auth.js sign-in, callback and sign-out", async () => {
  const clients: APIRequestContext[] = [];
  const fresh = async () => {
    const c = await anonymousClient();
    clients.push(c);
    return c;
  };
  // Sign-ins are limited to 10 per account in 15 minutes: a reader for every four targets, and
  // the readers' targets tried side by side.
  const readers = await Promise.all(Array.from({ length: Math.ceil(TARGETS.length / 4) }, () => seedReader(sql, "sec_redirect")));
  await Promise.all(readers.map((reader, r) => tryTargets(reader, TARGETS.slice(r * 4, r * 4 + 4))));

  async function tryTargets(reader: { email: string }, targets: string[]) {
    for (const target of targets) {
      const label = JSON.stringify(target);

      // The page puts only a safe path into its forms and links.
      const anonymous = await fresh();
      const html = await (await anonymous.get(`/signin?callbackUrl=${encodeURIComponent(target)}`)).text();
      for (const value of html.matchAll(/name="callbackUrl" value="([^"]*)"/g)) expectOurs(value[1].replaceAll("&amp;", "&"), `signin form ${label}`);
      for (const href of html.matchAll(/href="(\/signup[^"]*)"/g)) expectOurs(new URL(href[1].replaceAll("&amp;", "&"), BASE_URL).searchParams.get("callbackUrl") ?? "/", `signup link ${label}`);

      // The sign-in action, posted as the form would be with the target smuggled in.
      const viaAction = await callAction(anonymous, { path: "/signin", id: ids.signInWithPassword, form: { email: reader.email, password: READER_PASSWORD, callbackUrl: target } });
      expectOurs(viaAction.redirect, `sign-in action ${label}`);

      // Auth.js's endpoints directly: the callback, sign-in (which stores the callback in a cookie) and sign-out.
      const direct = await fresh();
      const { csrfToken } = (await (await direct.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const callback = await direct.post("/api/auth/callback/credentials", { form: { csrfToken, email: reader.email, password: READER_PASSWORD, callbackUrl: target }, maxRedirects: 0 });
      expectOurs(callback.headers()["location"], `Auth.js callback ${label}`);
      const signOut = await direct.post("/api/auth/signout", { form: { csrfToken, callbackUrl: target }, maxRedirects: 0 });
      expectOurs(signOut.headers()["location"], `Auth.js sign-out ${label}`);
      const signIn = await direct.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expectOurs(signIn.headers()["location"], `Auth.js sign-in ${label}`);
      const stored = (await direct.storageState()).cookies.find((c) => c.name.endsWith("authjs.callback-url"));
      if (stored) expectOurs(decodeURIComponent(stored.value), `Auth.js callback cookie ${label}`);
    }
  }
  // Sanity: a path of ours is followed.
  const ok = await callAction(await fresh(), { path: "/signin", id: ids.signInWithPassword, form: { email: readers[0].email, password: READER_PASSWORD, callbackUrl: "/trending?x=1" } });
  expect(ok.redirect?.replace(BASE_URL, "")).toMatch(/^\/trending\?x=1(;push)?$/);
  await Promise.all(clients.map((c) => c.dispose()));
});
