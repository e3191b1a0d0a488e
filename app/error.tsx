"use client";

// A page failed on the server. Usually the database went away mid-request; proxy.ts answers the
// following requests with a 503 until it is back. The error itself is in the server log; here a
// reader gets a plain explanation and a retry, never a stack trace.
export default function PageError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <section className="flex flex-col items-start gap-3 py-10">
      <p className="text-sm font-semibold text-accent-700 dark:text-accent-300">Temporarily unavailable</p>
      <h1 className="text-2xl font-bold tracking-tight">This page could not be loaded</h1>
      <p className="text-zinc-700 dark:text-zinc-300">
        Something on our side did not answer. Nothing you did was lost: anything not confirmed was not saved. This usually passes within a minute.
      </p>
      <button type="button" onClick={() => reset()} className="mt-2 rounded-md border border-zinc-300 px-3 py-1.5 font-medium hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900">
        Try again
      </button>
    </section>
  );
}
