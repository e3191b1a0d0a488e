// Cross-site request forgery guard for route handlers (Server Actions get Next's own check).
// A browser always sends Origin on a cross-origin POST, and Sec-Fetch-Site on modern browsers;
// a request that names another site in either is refused.

export function isSameOriginRequest(headers: Headers): boolean {
  if (headers.get("sec-fetch-site") === "cross-site") return false;
  const origin = headers.get("origin");
  if (origin === null) return true; // not a browser cross-origin request (curl, server-to-server)
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false; // "null" or garbage
  }
  const hosts = [headers.get("host"), headers.get("x-forwarded-host")].filter((h): h is string => Boolean(h));
  return hosts.includes(originHost);
}
