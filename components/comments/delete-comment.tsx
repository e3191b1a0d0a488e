"use client";

import { useActionState } from "react";
import { deleteCommentAction } from "@/app/(site)/papers/[...id]/actions";
import { CancelButton } from "@/components/ui/cancel-button";
import { FormAlert } from "@/components/ui/form-alert";
import { DISCUSSION_HEADING_ID } from "@/lib/discussion-anchor";
import type { ErrorPayload } from "@/lib/errors";
import { focusIfLost } from "@/lib/focus-if-lost";

/** The second step of deleting: says what will happen, and starts on "Cancel" so Enter is safe. */
export function DeleteComment({ commentId, onCancel }: { commentId: number; onCancel: () => void }) {
  const [error, formAction, pending] = useActionState(async (_previous: ErrorPayload | null, form: FormData) => {
    const result = await deleteCommentAction(form);
    // The comment (and this form) leave the thread: focus goes to its heading, whose count moved.
    if (result.ok) focusIfLost(() => document.getElementById(DISCUSSION_HEADING_ID));
    return result.ok ? null : result.error;
  }, null);
  const questionId = `delete-${commentId}-question`;

  return (
    <form
      action={formAction}
      role="group"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950/40"
    >
      <FormAlert message={error?.message} />
      <p id={questionId}>Delete this comment? Its words go for good; replies stay in place.</p>
      <input type="hidden" name="commentId" value={commentId} />
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-red-700 px-3 py-1 font-semibold text-white hover:bg-red-800 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? "Deleting…" : "Delete comment"}
        </button>
        <CancelButton onCancel={onCancel} autoFocus />
      </div>
    </form>
  );
}

