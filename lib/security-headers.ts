// The security headers every response carries, built here without I/O so they can be unit-tested;
// proxy.ts picks the nonce and applies them.
//
// Two kinds of nonce. Pages rendered per request (sign-in, admin, search, profiles…) get a fresh
// one on every response. The shared public pages (the daily lists and paper pages) are rendered
// once and served from Next's cache to everyone, so the nonce baked into their HTML has to be one
// the header can repeat: a nonce per deployment, derived from AUTH_SECRET. It is public once the
// page is read, so on those pages it stops only scripts that do not carry it — injected event
// handlers, javascript: URLs and <script> tags without the attribute — not an injected script
// that copies it. Those pages reflect nothing from the request (the cache key is the path), and
// every user-written word on them is escaped by React or sanitised, so the weaker nonce there is
// the price of serving them near static-file speed (see README, Performance).

/** 16 random bytes in base64: unguessable, and new for every request. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/**
 * The nonce the cached public pages share for the life of a deployment: an HMAC of the
 * deployment's build ID under AUTH_SECRET, so every server of one deployment agrees on it
 * and a new deployment (or secret) changes it.
 */
export async function deploymentNonce({ secret, buildId }: { secret: string; buildId: string }): Promise<string> {
  const encoder = new TextEncoder();
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`paperboard cached-page nonce ${buildId}`)));
  return btoa(String.fromCharCode(...mac.slice(0, 16)));
}

export function contentSecurityPolicy({ nonce, dev = false }: { nonce: string; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    // Next stamps this nonce on its own inline scripts (it reads it from the request's CSP
    // header); its chunks are same-origin files, which 'self' allows. No 'strict-dynamic': in
    // Chromium it lets *any* running script add an inline <script> it creates, nonce or not
    // (checked: document.createElement('script') with text runs under it, and is refused
    // without it), and we load no third-party scripts that would need it. React's development
    // build needs eval for its error overlays; production never does.
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    // KaTeX positions glyphs with style attributes and Next emits some too; a nonce cannot
    // cover attributes (and would switch 'unsafe-inline' off), so inline styles stay allowed.
    "style-src 'self' 'unsafe-inline'",
    // Avatars come from GitHub and Hugging Face; KaTeX and Next use a few data: URIs.
    "img-src 'self' data: https:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // Every form posts to this site. OAuth sign-in is a Server Action (a fetch, not a form
    // submission) whose redirect to the provider is a plain navigation, so form-action does not
    // apply to it.
    "form-action 'self'",
  ];
  return directives.join("; ");
}

/**
 * The policy of JSON answers (lib/api/json-route.ts): a JSON document loads nothing and is framed
 * by no one, so it may do neither, whatever a browser makes of it.
 */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Whether the reader reached us over HTTPS: the reverse proxy's X-Forwarded-Proto, or a
 * configured https AUTH_URL. A client talking to `next start` directly can forge the header, but
 * the worst it gets is an HSTS header over plain HTTP, which browsers ignore.
 */
export function cameOverHttps({ forwardedProto, authUrl }: { forwardedProto: string | null; authUrl?: string }): boolean {
  const proto = forwardedProto?.split(",")[0]?.trim().toLowerCase();
  return proto === "https" || (authUrl?.startsWith("https:") ?? false);
}

/** The response headers, CSP included. HSTS only over HTTPS: over HTTP it means nothing. */
export function securityHeaders({ policy, https }: { policy: string; https: boolean }): [string, string][] {
  const headers: [string, string][] = [
    ["Content-Security-Policy", policy],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    // browsing-topics replaced interest-cohort (FLoC); Chromium warns about the old name.
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), browsing-topics=()"],
    // Older browsers ignore frame-ancestors; this says the same to them.
    ["X-Frame-Options", "DENY"],
  ];
  if (https) headers.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return headers;
}
