/** The quiet "Cancel" beside a small confirming form (delete a comment, flag one). */
export function CancelButton({ onCancel, autoFocus = false }: { onCancel: () => void; autoFocus?: boolean }) {
  return (
    <button
      type="button"
      autoFocus={autoFocus}
      onClick={onCancel}
      className="rounded-md border border-zinc-300 bg-white px-3 py-1 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
    >
      Cancel
    </button>
  );
}
