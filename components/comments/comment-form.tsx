"use client";

import clsx from "clsx";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormAlert } from "@/components/ui/form-alert";
import type { ActionResult } from "@/lib/action-core";
import { MAX_COMMENT_LENGTH } from "@/lib/comment-rules";
import type { ErrorPayload } from "@/lib/errors";
import { focusIfLost } from "@/lib/focus-if-lost";
import { useMe } from "@/components/use-me";
import { useDraft } from "./use-draft";

type CommentFormProps<T> = {
  /** Prefix for element ids; several of these forms can be open on one page. */
  id: string;
  label: string;
  submitLabel: string;
  pendingLabel: string;
  /** Hidden fields naming what the form acts on. The server checks them; they grant nothing. */
  fields: Record<string, string | number>;
  initialBody?: string;
  /**
   * For an edit, the comment's saved text, live (it is asked again after every post in the tab).
   * The text the edit started from goes back with it: the server refuses the edit if the comment
   * changed meanwhile (saved from another tab), instead of saving over the newer words.
   */
  basedOn?: string;
  /** A refusal came back; `conflict` when the comment changed since the edit began. */
  onRefused?: (error: ErrorPayload) => void;
  submit: (form: FormData) => Promise<ActionResult<T>>;
  onSuccess?: (data: T) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
};

const numberFormat = new Intl.NumberFormat("en");

/** A Markdown textarea with a live length count, posting to a Server Action and showing its refusal. */
export function CommentForm<T>({ id, label, submitLabel, pendingLabel, fields, initialBody = "", basedOn, onRefused, submit, onSuccess, onCancel, autoFocus }: CommentFormProps<T>) {
  // A draft belongs to its reader (another account in this tab never sees it) and to what the form
  // acts on: this paper's new comment, a reply to one comment, an edit.
  const readerId = useMe().data?.user?.id ?? null;
  const [body, setBody, clearDraft] = useDraft(readerId && `${readerId}:${id}:${Object.values(fields).join(":")}`, initialBody);
  const textarea = useRef<HTMLTextAreaElement>(null);
  // What this edit started from, fixed when the form opened: the live text changes under it after
  // any post in this tab, and sending that would pass the server's check without the reader ever
  // seeing the newer words. It moves on only once the reader has been shown them (below).
  const [base, setBase] = useState(basedOn);
  const [conflicted, setConflicted] = useState(false);
  const [error, formAction, pending] = useActionState(async (_previous: ErrorPayload | null, form: FormData) => {
    const result = await submit(form);
    // Back to the text: to fix what was refused, or to write the next comment. (A reply or an edit
    // closes on success, and its opener takes focus.)
    focusIfLost(() => textarea.current);
    if (!result.ok) {
      if (result.error.code === "conflict" && basedOn !== undefined) setConflicted(true);
      onRefused?.(result.error);
      return result.error;
    }
    clearDraft();
    onSuccess?.(result.data);
    return null;
  }, null);
  // After a conflict, the newer words (asked again by onRefused) are shown under the reader's own,
  // and saving again replaces them knowingly; Cancel keeps them.
  const newer = conflicted && basedOn !== undefined && basedOn !== base ? basedOn : null;
  const [shownNewer, setShownNewer] = useState<string | null>(null);
  useEffect(() => {
    if (newer === null) return;
    setShownNewer(newer);
    setBase(newer);
  }, [newer]);

  // The server trims before checking the length, so the count does too.
  const length = body.trim().length;
  const over = length > MAX_COMMENT_LENGTH;
  const bodyErrors = error?.fieldErrors?.body;
  // Field errors show beside the textarea; anything else (rate limit, permissions) above it.
  const formMessage = error && !(bodyErrors && Object.keys(error.fieldErrors ?? {}).length === 1) ? error.message : null;
  const ids = { body: `${id}-body`, hint: `${id}-hint`, count: `${id}-count`, error: `${id}-error` };

  return (
    <form
      action={formAction}
      className="flex flex-col gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape" && onCancel) onCancel();
        // Ctrl+Enter (⌘+Enter on a Mac) posts, as in most comment boxes.
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
          event.preventDefault();
          event.currentTarget.requestSubmit();
        }
      }}
    >
      <FormAlert message={formMessage} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {base !== undefined && <input type="hidden" name="basedOn" value={base} />}
      {shownNewer !== null && shownNewer === base && (
        <div role="status" className="flex flex-col gap-1 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm text-zinc-800 dark:border-amber-700 dark:bg-zinc-900 dark:text-zinc-200">
          <p>It now reads as below. Your text is kept in the box: Save again to replace that version with yours, or Cancel to keep it.</p>
          <pre className="max-h-40 overflow-auto whitespace-pre-wrap font-sans text-zinc-700 dark:text-zinc-300">{base}</pre>
        </div>
      )}
      <label htmlFor={ids.body} className="text-sm font-medium">
        {label}
      </label>
      <textarea
        id={ids.body}
        name="body"
        rows={4}
        ref={textarea}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        autoFocus={autoFocus}
        aria-invalid={bodyErrors || over ? true : undefined}
        aria-describedby={[ids.hint, ids.count, bodyErrors && ids.error].filter(Boolean).join(" ")}
        className="min-h-24 w-full resize-y rounded-md border border-zinc-300 bg-white px-3 py-2 text-base aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:aria-invalid:border-red-400 sm:text-sm"
      />
      {bodyErrors && (
        <ul id={ids.error} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {bodyErrors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400">
        <p id={ids.hint}>
          Markdown and TeX math: <code>**bold**</code>, <code>`code`</code>, <code>$x^2$</code> inline; <code>$$</code> on lines of their own around display math; <code>\$</code> for a dollar sign.
          Ctrl+Enter posts; a draft is kept if you close the form.
        </p>
        <p id={ids.count} className={clsx("tabular-nums", over && "font-semibold text-red-700 dark:text-red-400")}>
          {numberFormat.format(length)} / {numberFormat.format(MAX_COMMENT_LENGTH)} characters
          {over && ` (${numberFormat.format(length - MAX_COMMENT_LENGTH)} too many)`}
        </p>
      </div>
      <div className="flex gap-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-accent-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-accent-700 disabled:cursor-wait disabled:opacity-70"
        >
          {pending ? pendingLabel : submitLabel}
        </button>
        {onCancel && (
          <button
            type="button"
            onClick={onCancel}
            className="rounded-md border border-zinc-300 px-4 py-1.5 text-sm font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
          >
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
