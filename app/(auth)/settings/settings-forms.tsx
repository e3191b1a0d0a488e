"use client";

import { useActionState, useEffect } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { useSubmitWithoutReset } from "@/components/ui/use-submit-without-reset";
import { PASSWORD_MIN_LENGTH } from "@/lib/auth/password-rules";
import { deleteAccountAction, emailAction, passwordAction, renameAction, type SettingsState } from "./actions";

export function RenameForm({ name }: { name: string }) {
  const { state, error, form, formAction, onSubmit } = useSettingsForm(renameAction);
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormAlert message={error && !error.fieldErrors ? error.message : null} />
      <Field name="name" label="Display name" autoComplete="name" required maxLength={50} defaultValue={name} errors={error?.fieldErrors?.name} hint="Shown beside your comments and on your profile." />
      <FormAlert tone="info" message={state?.ok ? state.data.saved : null} />
      <SubmitButton pendingLabel="Saving…">Save name</SubmitButton>
    </form>
  );
}

/**
 * `justChanged`: the page was reached by the redirect after a change (?saved=password). Said once:
 * the address loses the flag, and the next attempt's answer replaces it.
 */
export function PasswordSettingsForm({ hasPassword, justChanged }: { hasPassword: boolean; justChanged: boolean }) {
  const [state, formAction] = useActionState(passwordAction, null);
  const error = state && !state.ok ? state.error : null;
  const form = useFocusAfterRefusal(error);
  useForgetSavedFlag(Boolean(justChanged));
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3" noValidate>
      <FormAlert tone="info" message={justChanged && state === null ? "Your password is changed. Every other browser signed in to this account is signed out." : null} />
      <FormAlert message={error && !error.fieldErrors ? error.message : null} />
      {hasPassword && <Field name="current" label="Current password" type="password" autoComplete="current-password" required errors={error?.fieldErrors?.current} />}
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        errors={error?.fieldErrors?.password}
        hint={`At least ${PASSWORD_MIN_LENGTH} characters, without your username or email in it. Other browsers signed in to this account are signed out.`}
      />
      <SubmitButton pendingLabel="Saving…">{hasPassword ? "Change password" : "Set password"}</SubmitButton>
    </form>
  );
}

/** `name`: what the reader types to confirm, their username (or address when they have none). */
export function DeleteAccountForm({ name, hasPassword }: { name: string; hasPassword: boolean }) {
  const { error, form, formAction, onSubmit } = useSettingsForm(deleteAccountAction);
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormAlert message={error && !error.fieldErrors ? error.message : null} />
      <Field name="confirm" id="delete-confirm" label={`Type ${name} to confirm`} autoComplete="off" spellCheck={false} required errors={error?.fieldErrors?.confirm} />
      {/* Its own id: the password form above has a field named "current" too. */}
      {hasPassword && <Field name="current" id="delete-current" label="Your password" type="password" autoComplete="current-password" required errors={error?.fieldErrors?.current} />}
      <SubmitButton variant="danger" pendingLabel="Deleting…">
        Delete my account
      </SubmitButton>
    </form>
  );
}

/**
 * A new address, confirmed by a link mailed to it. `justChanged`: reached by the redirect after a
 * confirmation (?saved=email), said once as the password form does.
 */
export function EmailForm({ hasPassword, justChanged, newEmail }: { hasPassword: boolean; justChanged: string | null; newEmail: string | null }) {
  const { state, error, form, formAction, onSubmit } = useSettingsForm(emailAction);
  useForgetSavedFlag(Boolean(justChanged));
  // Sent: the password leaves the screen, and Enter pressed again cannot quietly send a second
  // link that voids the first. (A refusal keeps both fields, to fix the one refused.)
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state, form]);
  return (
    <form ref={form} action={formAction} onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
      <FormAlert tone="info" message={justChanged && state === null ? `Your account now signs in with ${justChanged}.` : null} />
      <FormAlert message={error && !error.fieldErrors ? error.message : null} />
      {newEmail && state === null && <p className="text-sm text-zinc-700 dark:text-zinc-300">A link was sent to {newEmail}: open it to finish the change.</p>}
      <Field name="email" id="email-new" label="New address" type="email" autoComplete="email" required errors={error?.fieldErrors?.email} hint="We send a link there; the change is made when you open it." />
      {hasPassword && <Field name="current" id="email-current" label="Your password" type="password" autoComplete="current-password" required errors={error?.fieldErrors?.current} />}
      <FormAlert tone="info" message={state?.ok ? state.data.saved : null} />
      <SubmitButton pendingLabel="Sending…">Send the link</SubmitButton>
    </form>
  );
}

/**
 * What each settings form shares: its action's state, focus on what a refusal names, and a submit
 * that keeps what was typed when refused (the password form alone empties, as React does).
 */
function useSettingsForm(settingsAction: (previous: SettingsState, form: FormData) => Promise<SettingsState>) {
  const [state, formAction, pending] = useActionState(settingsAction, null);
  const error = state && !state.ok ? state.error : null;
  const form = useFocusAfterRefusal(error);
  const onSubmit = useSubmitWithoutReset(formAction, pending);
  return { state, error, form, formAction, onSubmit };
}

/**
 * A confirmation reached by a redirect (?saved=…) is said once: the address drops the flag, so a
 * reload or a bookmark does not say it again.
 */
function useForgetSavedFlag(said: boolean) {
  useEffect(() => {
    if (said) window.history.replaceState(window.history.state, "", window.location.pathname);
  }, [said]);
}
