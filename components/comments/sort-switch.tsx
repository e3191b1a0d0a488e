"use client";

import clsx from "clsx";
import type { CommentSort } from "@/lib/comment-tree";

const OPTIONS: { value: CommentSort; label: string }[] = [
  { value: "best", label: "Best" },
  { value: "new", label: "Newest" },
];

/** Two toggle buttons; the discussion keeps the choice in the address (discussion-thread.tsx). */
export function SortSwitch({ sort, onChange }: { sort: CommentSort; onChange: (sort: CommentSort) => void }) {
  return (
    <div role="group" aria-label="Sort comments" className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-zinc-600 dark:text-zinc-400">Sort by</span>
      {OPTIONS.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === sort}
          onClick={() => onChange(option.value)}
          className={clsx(
            "rounded-md px-2.5 py-1 font-medium",
            option.value === sort
              ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
              : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
          )}
        >
          {option.label}
        </button>
      ))}
    </div>
  );
}
