"use client";

import { useEffect, useRef } from "react";
import { focusIfLost } from "@/lib/focus-if-lost";

/**
 * After a form's action refuses (each refusal is a new `refusal` object), moves keyboard focus to
 * the first field marked invalid, or else to the form's alert, if the disabled submit button had
 * dropped it to the page: the reader hears what was wrong and can fix it without starting again
 * from the top. Returns the ref to put on the <form>.
 */
export function useFocusAfterRefusal(refusal: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!refusal) return;
    focusIfLost(() => form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('[role="alert"]'));
  }, [refusal]);
  return form;
}
