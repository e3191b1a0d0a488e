"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { sendEmailLink } from "./actions";

export function EmailLinkForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(sendEmailLink, null);
  const fieldErrors = state?.error.fieldErrors;
  const form = useFocusAfterRefusal(state?.error);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" aria-labelledby="email-link-heading" noValidate>
      <h2 id="email-link-heading" className="text-sm font-semibold">
        Or get a sign-in link by email
      </h2>
      <FormAlert message={state && !fieldErrors ? state.error.message : null} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="email"
        id="email-link-address"
        label="Email for the link"
        type="email"
        autoComplete="email"
        required
        defaultValue={state?.values.email}
        errors={fieldErrors?.email}
        hint="No password needed. New here? The link creates your account."
      />
      <SubmitButton pendingLabel="Sending…" variant="secondary">
        Email me a link
      </SubmitButton>
    </form>
  );
}
