// A plain module, not admin-form.tsx: a "use client" module's exports reach Server Components as
// references, which render as a className but cannot be joined into a longer string.

/** The admin forms' text, date and search inputs. */
export const inputClass =
  "rounded-md border border-zinc-300 bg-white px-2 py-1 text-sm aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:aria-invalid:border-red-400";
