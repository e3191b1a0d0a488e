"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { USERNAME_MAX_LENGTH, USERNAME_MIN_LENGTH } from "@/lib/auth/username";
import { signUp } from "./actions";

export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction] = useActionState(signUp, null);
  const errors = state?.error.fieldErrors;
  const form = useFocusAfterRefusal(state?.error);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-4" noValidate>
      <FormAlert message={state?.error.message} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        minLength={USERNAME_MIN_LENGTH}
        maxLength={USERNAME_MAX_LENGTH}
        defaultValue={state?.values.username}
        errors={errors?.username}
        hint={`${USERNAME_MIN_LENGTH}–${USERNAME_MAX_LENGTH} lowercase letters, digits, - or _. Shown on your profile at /u/username.`}
      />
      <Field name="name" label="Display name" autoComplete="name" required maxLength={50} defaultValue={state?.values.name} errors={errors?.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" required defaultValue={state?.values.email} errors={errors?.email} hint="Never shown to other readers." />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={errors?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, without your username or email in it.`}
      />
      <SubmitButton pendingLabel="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
