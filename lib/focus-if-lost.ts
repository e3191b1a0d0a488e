/**
 * After an action re-renders the page, moves keyboard focus to `target` if focus was lost: a
 * disabled button or a form that went away drops it to the page itself, and keyboard and screen
 * reader users would have to start again from the top. Focus the reader moved elsewhere stays.
 */
export function focusIfLost(target: () => HTMLElement | null | undefined): void {
  requestAnimationFrame(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    const element = target();
    if (lost && element?.isConnected) element.focus();
  });
}
