import type { Env } from "./env";

// Feeds, the API and <link rel="alternate"> need absolute links. A configured origin wins: the
// Host header is the client's to choose, so production should set SITE_URL (or AUTH_URL). Without
// one, the request's own origin keeps `npm run demo` and the tests working with no setup.

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** The site's origin without a trailing slash, e.g. "https://paperboard.example". */
export function siteOrigin(env: Pick<Env, "SITE_URL" | "AUTH_URL">, headers: Headers): string {
  const configured = configuredOriginOrNull(env);
  if (configured) return configured;
  const host = firstValue(headers.get("x-forwarded-host")) ?? firstValue(headers.get("host"));
  const proto = firstValue(headers.get("x-forwarded-proto")) === "https" ? "https" : "http";
  return `${proto}://${host && HOST.test(host) ? host : "localhost"}`;
}

/**
 * The origin when nothing may depend on the request (cached pages): SITE_URL or AUTH_URL, else
 * this server on localhost, as `npm run demo` serves it.
 */
export function configuredOrigin(env: Pick<Env, "SITE_URL" | "AUTH_URL">): string {
  return configuredOriginOrNull(env) ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

function configuredOriginOrNull(env: Pick<Env, "SITE_URL" | "AUTH_URL">): string | null {
  const configured = env.SITE_URL ?? env.AUTH_URL;
  return configured ? new URL(configured).origin : null;
}

/** An absolute URL for a path on this site. */
export function absoluteUrl(origin: string, path: string): string {
  return new URL(path, `${origin}/`).toString();
}

function firstValue(header: string | null): string | undefined {
  return header?.split(",")[0]?.trim() || undefined;
}
