"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { signInWithPassword } from "./actions";

export function PasswordSignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signInWithPassword, null);
  const fieldErrors = state?.error.fieldErrors;
  const form = useFocusAfterRefusal(state?.error);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" aria-labelledby="password-sign-in" noValidate>
      <h2 id="password-sign-in" className="sr-only">
        Sign in with your password
      </h2>
      <FormAlert message={state && !fieldErrors ? state.error.message : null} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state?.values.email} errors={fieldErrors?.email} />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required errors={fieldErrors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
