"use client";

// The root layout itself failed (its account menu reads the database), so this page brings its
// own <html>. Same message as app/error.tsx.
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem" }}>
        <main>
          <h1>Paperboard is temporarily unavailable</h1>
          <p>Something on our side did not answer. Nothing you did was lost: anything not confirmed was not saved. This usually passes within a minute.</p>
          <button type="button" onClick={() => reset()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
