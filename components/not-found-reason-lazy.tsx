"use client";

import { lazy, Suspense } from "react";

// Next renders app/not-found.tsx into every page's payload as the boundary's fallback, so a client
// component imported there directly is downloaded by every page: the reason's date and arXiv-ID
// parsing, ~2 kB gzip of first-load JavaScript for something almost no visit shows. Imported
// lazily, it is fetched when a 404 is drawn. (React's own `lazy`: `next/dynamic` adds more code
// to every page than it saves.)
const NotFoundReason = lazy(() => import("./not-found-reason").then((module) => ({ default: module.NotFoundReason })));

/** The 404 page's heading and reason, loaded only when a 404 is shown. */
export function LazyNotFoundReason() {
  return (
    <Suspense fallback={<h1 className="text-2xl font-bold tracking-tight">Page not found</h1>}>
      <NotFoundReason />
    </Suspense>
  );
}
