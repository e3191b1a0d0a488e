/**
 * After an action re-renders the page, moves keyboard focus to `target` if focus was lost: a
 * disabled button or a form that went away drops it to the page itself, and keyboard and screen
 * reader users would have to start again from the top. Focus the reader moved elsewhere stays.
 * `leaving`: an element about to be replaced (the form whose action this was); focus still inside
 * it counts as lost, since it will be once the page re-renders.
 */
export function focusIfLost(target: () => HTMLElement | null | undefined, leaving?: HTMLElement | null): void {
  requestAnimationFrame(() => {
    const active = document.activeElement;
    const lost = active === null || active === document.body || Boolean(leaving?.contains(active));
    const element = target();
    if (lost && element?.isConnected) element.focus();
  });
}
