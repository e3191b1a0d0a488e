"use client";

import clsx from "clsx";
import { useFormStatus } from "react-dom";

/** A form's submit button that says it is working and cannot be pressed twice meanwhile. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: React.ReactNode; pendingLabel: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={clsx(
        "w-full rounded-md px-4 py-2 text-sm font-semibold disabled:cursor-wait disabled:opacity-70",
        variant === "primary" && "bg-accent-600 text-white hover:bg-accent-700",
        variant === "danger" && "bg-red-700 text-white hover:bg-red-800",
        variant === "secondary" &&
          "border border-zinc-300 bg-white text-zinc-900 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800",
      )}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
