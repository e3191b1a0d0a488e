/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files by path; bundling it breaks every request.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // A cached page nobody has opened for this long is rendered afresh for its next reader instead
  // of being served stale once (lib/cached-pages.ts PAGE_EXPIRE_SECONDS).
  expireTime: 10,
};

export default nextConfig;
