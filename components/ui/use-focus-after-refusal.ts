"use client";

import { useEffect, useRef } from "react";

/**
 * After a form's action refuses (each refusal is a new `refusal` object), moves keyboard focus to
 * the first field marked invalid, or else to the form's alert: the reader hears what was wrong and
 * can fix it without starting again from the top. Always, not only when the disabled submit button
 * dropped focus to the page: a form sent with Enter from its last field keeps focus there, far
 * from the field in error. Returns the ref to put on the <form>.
 */
export function useFocusAfterRefusal(refusal: unknown) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (!refusal) return;
    const frame = requestAnimationFrame(() => {
      const target = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form.current?.querySelector<HTMLElement>('[role="alert"]');
      target?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [refusal]);
  return form;
}
