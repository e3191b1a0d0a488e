/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly and data files by path; bundling it breaks every request.
  serverExternalPackages: ["@electric-sql/pglite"],
  poweredByHeader: false,
  // Next hashes every cached page's whole body for its ETag on every response: about a tenth of
  // the CPU a cached page costs (bench: profile of the home page). The pages change every few
  // seconds and carry s-maxage only, so browsers rarely revalidate with If-None-Match anyway.
  generateEtags: false,
  // A cached page nobody has opened for this long is rendered afresh for its next reader instead
  // of being served stale once (lib/cached-pages.ts PAGE_EXPIRE_SECONDS).
  expireTime: 10,
};

export default nextConfig;
