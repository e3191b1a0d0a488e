"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { subscribe } from "./actions";

const FREQUENCIES = [
  { value: "daily", label: "Daily", hint: "Yesterday’s ten most upvoted papers, every morning (UTC)." },
  { value: "weekly", label: "Weekly", hint: "Last week’s ten most upvoted papers, on Mondays." },
] as const;

/**
 * Email and frequency. A signed-in reader finds their account address filled in, so subscribing
 * is one click; `oneClick` says whether that address is verified and needs no confirmation mail.
 */
export function SubscribeForm({ accountEmail, oneClick, currentFrequency }: { accountEmail: string | null; oneClick: boolean; currentFrequency: string | null }) {
  const [state, formAction] = useActionState(subscribe, null);
  const fieldErrors = state?.error.fieldErrors;
  const form = useFocusAfterRefusal(state?.error);
  const frequency = state?.values.frequency || currentFrequency || "daily";
  const hint = accountEmail
    ? oneClick
      ? "Your account’s address, already verified: subscribing takes effect at once."
      : "Your account’s address. We will email you a link to confirm."
    : "We will email you a link to confirm. Nothing else is sent until you do.";
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" aria-labelledby="subscribe-heading" noValidate>
      <h2 id="subscribe-heading" className="sr-only">
        Subscribe
      </h2>
      <FormAlert message={state?.error.message} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state ? state.values.email : (accountEmail ?? "")}
        errors={fieldErrors?.email}
        hint={hint}
      />
      <fieldset className="flex flex-col gap-2" aria-describedby={fieldErrors?.frequency ? "frequency-error" : undefined}>
        <legend className="mb-1 text-sm font-medium">How often</legend>
        {FREQUENCIES.map((option) => (
          <label key={option.value} className="flex items-start gap-3 rounded-md border border-zinc-300 px-3 py-2 has-checked:border-accent-600 dark:border-zinc-700 dark:has-checked:border-accent-300">
            <input type="radio" name="frequency" value={option.value} defaultChecked={frequency === option.value} className="mt-1 accent-accent-600" />
            <span className="flex flex-col">
              <span className="text-sm font-medium">{option.label}</span>
              <span className="text-xs text-zinc-600 dark:text-zinc-400">{option.hint}</span>
            </span>
          </label>
        ))}
        {fieldErrors?.frequency && (
          <p id="frequency-error" className="text-sm text-red-700 dark:text-red-400">
            {fieldErrors.frequency.join(" ")}
          </p>
        )}
      </fieldset>
      <SubmitButton pendingLabel="Subscribing…">{currentFrequency ? "Update my subscription" : "Subscribe"}</SubmitButton>
    </form>
  );
}
