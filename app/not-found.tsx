import { LazyNotFoundReason } from "@/components/not-found-reason-lazy";

// No request APIs here: Next renders this boundary into every page's payload, cached pages
// included, so reading headers() would make them all dynamic. The reason is worked out from the
// address in the browser's bar (components/not-found-reason.tsx), loaded only on a 404
// (components/not-found-reason-lazy.tsx).
export default function NotFound() {
  return (
    <section className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-300">404</p>
      <LazyNotFoundReason />
      <a href="/" className="mt-2 underline underline-offset-2">
        Back to today&apos;s papers
      </a>
    </section>
  );
}
