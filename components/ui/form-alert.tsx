/** A form-level message, read out as soon as it appears. */
export function FormAlert({ message, tone = "error" }: { message: string | null | undefined; tone?: "error" | "info" }) {
  if (!message) return null;
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      // Focusable from script only (components/ui/use-focus-after-refusal.ts), never a tab stop.
      tabIndex={-1}
      className={
        tone === "error"
          ? "rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
          : "rounded-md border border-accent-300 bg-accent-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-200"
      }
    >
      {message}
    </p>
  );
}
