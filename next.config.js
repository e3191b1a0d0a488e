/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files by path; bundling it breaks every request.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Next's own compression is gzip at level 6 with no setting for the level; lib/response-compression.ts
  // compresses instead (Brotli for browsers, a cheaper gzip level for pages), set up in instrumentation.ts.
  compress: false,
  // Next hashes every cached page's whole body for its ETag on every response: about a tenth of
  // the CPU a cached page costs (bench: profile of the home page). The pages change every few
  // seconds and carry s-maxage only, so browsers rarely revalidate with If-None-Match anyway.
  generateEtags: false,
  // A cached page nobody has opened for this long is rendered afresh for its next reader instead
  // of being served stale once (lib/cached-pages.ts PAGE_EXPIRE_SECONDS).
  expireTime: 10,
  // proxy.ts rewrites `/` and `/trending` to their cached routes with `new URL(path, request.url)`.
  // Normalised, `request.url` always names `localhost`, while Next's router compares the rewrite
  // with the address the server was started on: under `next start -H 127.0.0.1` the two differ,
  // so Next took every such rewrite for an external one and proxied it over HTTP to itself (the
  // request ran twice, and behind TLS with `X-Forwarded-Proto: https` it failed with a 500;
  // vercel/next.js#94745). Unnormalised, `request.url` carries the server's own origin. The option
  // only changes /_next/data URLs otherwise, which belong to the Pages Router this app does not use.
  skipProxyUrlNormalize: true,
  experimental: {
    // forbidden() and unauthorized(), so admin pages answer a stranger with 403 or 401, not a 200
    // page that says "Admins only" (lib/admin-page.ts). Experimental in Next 16.
    authInterrupts: true,
    // Every visit is a first page load (links are plain <a>, see README), so the home page's
    // scripts matter more than reuse between client-side navigations. With chunks under 200 kB of
    // source merged (default 50 kB), the home page loads 9 scripts instead of 11 and 1.8 kB less
    // JavaScript gzip, because fewer, larger files compress better; the scripts of nine pages
    // together also shrink (197.7 -> 195.1 kB), so nothing is paid back on later pages.
    turbopackChunking: { minChunkSize: 200_000 },
    // Drops the unused exports of CommonJS modules, most of them Next's own client runtime:
    // -0.5 kB gzip on every page. Off by default in Next 16; every browser test runs on it.
    turbopackCjsTreeShaking: true,
  },
};

export default nextConfig;
