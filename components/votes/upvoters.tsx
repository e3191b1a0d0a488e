import { Avatar } from "../avatar";

type Upvoter = { username: string | null; name: string | null };

/** The latest upvoters' avatars, then "+N" for the rest. */
export function Upvoters({ upvoters, total }: { upvoters: Upvoter[]; total: number }) {
  if (total === 0) return <p className="text-sm text-zinc-600 dark:text-zinc-400">No upvotes yet.</p>;
  const more = total - upvoters.length;
  return (
    <div className="flex items-center gap-2 text-sm">
      <span className="sr-only">Upvoted by</span>
      <ul className="flex -space-x-1">
        {upvoters.map((u, i) => (
          <li key={u.username ?? i}>
            {u.username ? (
              <a href={`/u/${u.username}`} title={u.name ?? u.username} className="block rounded-full ring-2 ring-white dark:ring-zinc-950">
                <Avatar name={u.name} username={u.username} label={u.name ?? u.username} />
              </a>
            ) : (
              <Avatar name={u.name} username={u.username} label={u.name ?? "A reader"} />
            )}
          </li>
        ))}
      </ul>
      {more > 0 && <span className="text-zinc-600 dark:text-zinc-400">+{more}</span>}
    </div>
  );
}
