"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { confirmEmailChangeAction } from "./actions";

export function ConfirmEmailChangeForm({ token }: { token: string }) {
  const [state, formAction] = useActionState(confirmEmailChangeAction, null);
  return (
    <form action={formAction} className="flex flex-col gap-3">
      <FormAlert message={state && !state.ok ? state.error.message : null} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingLabel="Saving…">Use this address</SubmitButton>
    </form>
  );
}
