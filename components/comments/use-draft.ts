"use client";

import { useCallback, useEffect, useState } from "react";

type StoredDraft = { base: string; text: string };

const PREFIX = "paperboard:draft:";

/**
 * A comment form's text, kept in this tab's sessionStorage as it is typed: closing a reply or an
 * edit (Cancel, Escape, the Reply button again) or reloading the page no longer throws away a
 * long reply full of math. A draft comes back only onto the text it was written from, so an edit
 * draft never lands on a comment that has changed since. `clear` forgets it (after posting).
 * `key` names the reader too; null (not known yet) keeps nothing.
 */
export function useDraft(key: string | null, base: string) {
  const [text, setText] = useState(base);
  const storageKey = key === null ? null : `${PREFIX}${key}`;

  // After mount, not in the initial state: the server renders the form without the draft.
  useEffect(() => {
    if (storageKey === null) return;
    const stored = read(storageKey);
    if (stored && stored.base === base && stored.text !== base) setText(stored.text);
  }, [storageKey, base]);

  const update = useCallback(
    (next: string) => {
      setText(next);
      if (storageKey !== null) write(storageKey, next === base ? null : { base, text: next });
    },
    [storageKey, base],
  );
  const clear = useCallback(() => {
    setText(base);
    if (storageKey !== null) write(storageKey, null);
  }, [storageKey, base]);

  return [text, update, clear] as const;
}

function read(key: string): StoredDraft | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? "null") as StoredDraft | null;
    return value && typeof value.base === "string" && typeof value.text === "string" ? value : null;
  } catch {
    return null; // storage disabled or a value that is not ours: no draft
  }
}

function write(key: string, draft: StoredDraft | null) {
  try {
    if (draft) sessionStorage.setItem(key, JSON.stringify(draft));
    else sessionStorage.removeItem(key);
  } catch {
    // Storage full or disabled: the draft lives only as long as the form.
  }
}

/** Forgets every draft in this tab: on sign-out, so the next person at this browser never sees them. */
export function clearAllDrafts() {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // Storage disabled: there are no drafts.
  }
}
