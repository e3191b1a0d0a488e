import clsx from "clsx";
import Link from "next/link";
import { paperPath } from "@/lib/arxiv-id";
import type { CommentSort } from "@/lib/comment-tree";

const OPTIONS: { value: CommentSort; label: string }[] = [
  { value: "best", label: "Best" },
  { value: "new", label: "Newest" },
];

/** Links, not buttons: the order lives in the URL, so it survives reloads and can be shared. */
export function SortSwitch({ paperId, sort }: { paperId: string; sort: CommentSort }) {
  return (
    <nav aria-label="Sort comments" className="flex items-center gap-1 text-sm">
      <span className="mr-1 text-zinc-600 dark:text-zinc-400">Sort by</span>
      {OPTIONS.map((option) => (
        <Link
          key={option.value}
          href={`${paperPath(paperId)}?sort=${option.value}#discussion`}
          aria-current={option.value === sort ? "true" : undefined}
          className={clsx(
            "rounded-md px-2.5 py-1 font-medium",
            option.value === sort
              ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900"
              : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
          )}
        >
          {option.label}
        </Link>
      ))}
    </nav>
  );
}
