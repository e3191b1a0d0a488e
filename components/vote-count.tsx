export function VoteCount({ count }: { count: number }) {
  return (
    <span className="flex flex-col items-center rounded-md border border-zinc-200 px-2 py-1 text-sm font-semibold tabular-nums dark:border-zinc-700">
      <span aria-hidden="true" className="text-xs leading-none text-zinc-500">
        ▲
      </span>
      {count}
      <span className="sr-only">{count === 1 ? " upvote" : " upvotes"}</span>
    </span>
  );
}
