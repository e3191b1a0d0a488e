"use client";

import { startTransition, useEffect, useRef } from "react";

/**
 * An onSubmit that sends the form to its action without React's reset: React empties a form after
 * an action given as its `action` prop runs, refusals included, so a refused edit of an abstract or
 * a mistyped confirmation had to be typed again from nothing. Keep `action={formAction}` on the
 * form too: without JavaScript it still posts. One submission at a time (`pending` from
 * useActionState ends it): a second click in the same instant is ignored, as a disabled button
 * would, without taking keyboard focus away the way disabling does.
 */
export function useSubmitWithoutReset(formAction: (data: FormData) => void, pending: boolean, { confirm }: { confirm?: string } = {}) {
  const busy = useRef(false);
  useEffect(() => {
    if (!pending) busy.current = false;
  }, [pending]);
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy.current || (confirm && !window.confirm(confirm))) return;
    busy.current = true;
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => formAction(data));
  };
}
