"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import { submitPaperAction } from "./actions";

export function SubmitForm({ initialValue }: { initialValue: string }) {
  const [state, formAction] = useActionState(submitPaperAction, null);
  const error = state && !state.ok ? state.error : null;
  const form = useFocusAfterRefusal(error);
  return (
    <form ref={form} action={formAction} className="flex flex-col gap-3">
      <Field
        name="arxiv"
        label="arXiv ID or link"
        hint="2401.12345, 2401.12345v2, arXiv:2401.12345, an abs/pdf link, or hep-th/9901001"
        defaultValue={state?.value ?? initialValue}
        required
        autoComplete="off"
        errors={error?.fieldErrors?.arxiv}
      />
      <FormAlert message={error && !error.fieldErrors ? error.message : null} />
      <div className="sm:w-48">
        <SubmitButton pendingLabel="Fetching from arXiv…">Submit</SubmitButton>
      </div>
    </form>
  );
}
