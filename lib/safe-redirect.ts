// Where to send someone after signing in. Only our own relative paths: an absolute URL, a
// protocol-relative "//host" or a "/\host" (which browsers read as "//host") could send a user
// who just signed in to a look-alike site.

const PLACEHOLDER_ORIGIN = "http://paperboard.invalid";

export function safeRedirect(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // Browsers drop tabs and newlines inside URLs ("/\t/evil" becomes "//evil") and treat "\" as "/".
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * Auth.js asks where to go after sign-in and sign-out. It may hand us a relative path or a URL
 * on our own origin (it builds those itself); anything else goes home.
 */
export function authRedirect({ url, baseUrl }: { url: string; baseUrl: string }): string {
  if (url.startsWith("/")) return `${baseUrl}${safeRedirect(url)}`;
  try {
    const target = new URL(url);
    if (target.origin === new URL(baseUrl).origin) return `${baseUrl}${safeRedirect(`${target.pathname}${target.search}${target.hash}`)}`;
  } catch {
    // Not a URL at all: fall through to home.
  }
  return baseUrl;
}
