"use client";

import clsx from "clsx";
import { useActionState, useEffect, useRef } from "react";
import { useSubmitWithoutReset } from "@/components/ui/use-submit-without-reset";
import type { AdminFormState } from "@/app/admin/actions";
import { focusIfLost } from "@/lib/focus-if-lost";

type Props = {
  action: (state: AdminFormState, form: FormData) => Promise<AdminFormState>;
  submitLabel: string;
  children?: React.ReactNode;
  /** Asked before submitting, for actions that are hard to undo. */
  confirm?: string;
  variant?: "primary" | "quiet" | "danger";
  className?: string;
  /** The element that says what the button acts on (an entry's heading), for its description. */
  describedBy?: string;
  /**
   * Where keyboard focus goes once the action is done, if it was lost: pinning or hiding an
   * entry replaces this very form, and focus would fall to the page itself.
   */
  focusAfter?: string;
  /** Empty the fields after a success (adding a paper); otherwise what was typed stays. */
  clearOnSuccess?: boolean;
  /** How the form's fields are named to the reader, so a field's error says which field it is. */
  fieldLabels?: Record<string, string>;
};

/** One admin action as a small form: inputs, a button, and the outcome announced beside it. */
export function AdminForm({ action, submitLabel, children, confirm, variant = "quiet", className, describedBy, focusAfter, clearOnSuccess, fieldLabels = {} }: Props) {
  const form = useRef<HTMLFormElement>(null);
  const [state, formAction, pending] = useActionState(async (previous: AdminFormState, data: FormData) => {
    const next = await action(previous, data);
    if (next?.ok && clearOnSuccess) form.current?.reset();
    if (next?.ok && focusAfter) focusIfLost(() => document.getElementById(focusAfter), form.current);
    return next;
  }, null);
  const onSubmit = useSubmitWithoutReset(formAction, pending, { confirm });
  const fieldErrors = state && !state.ok ? (state.error.fieldErrors ?? {}) : {};
  const errors =
    state && !state.ok
      ? [state.error.message, ...Object.entries(fieldErrors).flatMap(([name, messages]) => messages.map((m) => (fieldLabels[name] ? `${fieldLabels[name]}: ${m}` : m)))]
      : [];
  // The fields refused are marked, and the first takes focus, to be fixed where they are.
  useEffect(() => {
    const fields = form.current?.elements;
    if (!fields) return;
    for (const field of Array.from(fields)) field.removeAttribute("aria-invalid");
    const refused = Object.keys(state && !state.ok ? (state.error.fieldErrors ?? {}) : {})
      .map((name) => fields.namedItem(name))
      .filter((field): field is HTMLInputElement => field instanceof HTMLElement && "focus" in field);
    for (const field of refused) field.setAttribute("aria-invalid", "true");
    refused[0]?.focus();
  }, [state]);
  return (
    <form
      ref={form}
      action={formAction}
      onSubmit={onSubmit}
      className={clsx("flex flex-wrap items-center gap-2", className)}
    >
      {children}
      <button
        type="submit"
        // Not `disabled`: that would drop keyboard focus to the page while the action runs.
        aria-disabled={pending}
        aria-describedby={describedBy}
        className={clsx(
          "rounded-md px-2.5 py-1 text-sm font-medium aria-disabled:cursor-wait aria-disabled:opacity-60",
          variant === "primary" && "bg-accent-600 text-white hover:bg-accent-700",
          variant === "quiet" && "border border-zinc-300 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900",
          variant === "danger" && "border border-red-300 text-red-800 hover:bg-red-50 dark:border-red-800 dark:text-red-300 dark:hover:bg-red-950",
        )}
      >
        {pending ? "Working…" : submitLabel}
      </button>
      {errors.length > 0 && (
        <p role="alert" className="w-full text-sm text-red-700 dark:text-red-400">
          {[...new Set(errors)].join(" ")}
        </p>
      )}
      {state?.ok && (
        <p role="status" className="w-full text-sm text-green-800 dark:text-green-400">
          {state.data.message}
        </p>
      )}
    </form>
  );
}

export function HiddenField({ name, value }: { name: string; value: string | number }) {
  return <input type="hidden" name={name} value={value} />;
}
