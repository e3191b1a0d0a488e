"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { flagCommentAction, withdrawFlagAction } from "@/app/(site)/papers/[...id]/actions";
import { CancelButton } from "@/components/ui/cancel-button";
import { FormAlert } from "@/components/ui/form-alert";
import { useFocusAfterRefusal } from "@/components/ui/use-focus-after-refusal";
import type { ErrorPayload } from "@/lib/errors";
import { FLAG_REASON_LABELS, FLAG_REASONS, type FlagReason } from "@/lib/flag-reasons";

type State = { done: "flagged" | "withdrawn" | null; error: ErrorPayload | null };

const DONE_MESSAGES = { flagged: "Thank you: the moderators will look at it.", withdrawn: "Your flag is withdrawn." } as const;

/**
 * Flagging someone else's comment for the moderators: what is wrong with it, then a thank-you.
 * A reader who flagged it already (`current`) sees their reason, and may change it or withdraw it.
 */
export function FlagComment({
  commentId,
  authorName,
  current,
  onChanged,
  onCancel,
}: {
  commentId: number;
  authorName: string;
  current?: FlagReason;
  /** After a flag is made, changed or withdrawn: the reader's flags are asked again. */
  onChanged: () => void;
  onCancel: () => void;
}) {
  const [state, formAction, pending] = useActionState(async (_previous: State, form: FormData): Promise<State> => {
    const withdrawing = form.get("intent") === "withdraw";
    const result = withdrawing ? await withdrawFlagAction(form) : await flagCommentAction(form);
    if (result.ok) {
      onChanged();
      return { done: withdrawing ? "withdrawn" : "flagged", error: null };
    }
    // Refused because the flag is not what this form thinks (a moderator dismissed it, the comment
    // went): ask again, so the form stops offering what cannot be done.
    if (result.error.code === "conflict" || result.error.code === "not_found") onChanged();
    return { done: null, error: result.error };
  }, { done: null, error: null });
  // Which button was pressed, for its "…" while the answer comes.
  const [withdrawPressed, setWithdrawPressed] = useState(false);
  const thanks = useRef<HTMLParagraphElement>(null);
  // Refused (a limit, the comment hidden meanwhile): focus goes to the alert, inside the form.
  const form = useFocusAfterRefusal(state.error);
  // The form gives way to the answer: focus follows, so keyboard and screen reader users hear it.
  useEffect(() => {
    if (state.done) thanks.current?.focus();
  }, [state.done]);
  const legendId = `flag-${commentId}-legend`;

  if (state.done) {
    return (
      <p
        ref={thanks}
        tabIndex={-1}
        role="status"
        onKeyDown={(event) => {
          if (event.key === "Escape") onCancel();
        }}
        className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-900"
      >
        {DONE_MESSAGES[state.done]}{" "}
        <button type="button" onClick={onCancel} className="font-medium underline underline-offset-2">
          Close
        </button>
      </p>
    );
  }
  return (
    <form
      ref={form}
      action={formAction}
      onKeyDown={(event) => {
        if (event.key === "Escape") onCancel();
      }}
      className="flex flex-col gap-2 rounded-md border border-zinc-300 bg-zinc-50 p-3 text-sm dark:border-zinc-700 dark:bg-zinc-900"
    >
      <FormAlert message={state.error?.fieldErrors?.reason?.[0] ?? state.error?.message} />
      <input type="hidden" name="commentId" value={commentId} />
      <fieldset aria-describedby={current ? `${legendId}-current ${legendId}-hint` : `${legendId}-hint`} className="flex flex-col gap-1">
        <legend id={legendId} className="mb-1 font-medium">
          What is wrong with {authorName}&apos;s comment?
        </legend>
        {current && <p id={`${legendId}-current`} className="mb-1">You flagged it as &ldquo;{FLAG_REASON_LABELS[current].toLowerCase()}&rdquo;.</p>}
        {FLAG_REASONS.map((reason, i) => (
          <label key={reason} className="flex items-center gap-2">
            <input type="radio" name="reason" value={reason} required defaultChecked={reason === current} autoFocus={current ? reason === current : i === 0} />
            {FLAG_REASON_LABELS[reason]}
          </label>
        ))}
        <p id={`${legendId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          Only the moderators see flags. To disagree with a comment, reply to it instead.
        </p>
      </fieldset>
      <div className="flex flex-wrap gap-2">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to the page. */}
        <button
          type="submit"
          aria-disabled={pending}
          onClick={(event) => (pending ? event.preventDefault() : setWithdrawPressed(false))}
          className="rounded-md bg-zinc-900 px-3 py-1 font-semibold text-white hover:bg-zinc-700 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
        >
          {pending && !withdrawPressed ? (current ? "Saving…" : "Flagging…") : current ? "Change the reason" : "Flag for the moderators"}
        </button>
        {current && (
          <button
            type="submit"
            name="intent"
            value="withdraw"
            formNoValidate
            aria-disabled={pending}
            onClick={(event) => (pending ? event.preventDefault() : setWithdrawPressed(true))}
            className="rounded-md border border-zinc-300 px-3 py-1 font-medium hover:bg-zinc-100 aria-disabled:cursor-wait aria-disabled:opacity-70 dark:border-zinc-700 dark:hover:bg-zinc-800"
          >
            {pending && withdrawPressed ? "Withdrawing…" : "Withdraw your flag"}
          </button>
        )}
        <CancelButton onCancel={onCancel} />
      </div>
    </form>
  );
}
