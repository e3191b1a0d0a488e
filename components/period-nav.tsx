import Link from "next/link";

export type NavLink = { href: string; label: string };

/** Previous/next links around a day, week or month, plus links to the other views of it. */
export function PeriodNav({ previous, next, views }: { previous: NavLink | null; next: NavLink | null; views: NavLink[] }) {
  const linkClass =
    "rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900";
  return (
    <nav aria-label="Dates" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <div className="flex gap-2">
        {previous ? (
          <Link href={previous.href} rel="prev" className={linkClass}>
            <span aria-hidden="true">← </span>
            <span className="sr-only">Previous: </span>
            {previous.label}
          </Link>
        ) : null}
        {next ? (
          <Link href={next.href} rel="next" className={linkClass}>
            <span className="sr-only">Next: </span>
            {next.label}
            <span aria-hidden="true"> →</span>
          </Link>
        ) : null}
      </div>
      <ul className="flex gap-3 text-zinc-600 dark:text-zinc-400">
        {views.map((view) => (
          <li key={view.href}>
            <Link href={view.href} className="underline-offset-2 hover:underline">
              {view.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
