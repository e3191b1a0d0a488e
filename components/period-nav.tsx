
export type NavLink = { href: string; label: string };

/** Links to the periods within this one: a week's days, a month's weeks. */
export type NavParts = { label: string; links: NavLink[] };

/** Previous/next links around a day, week or month, links to the other views of it, and to its parts. */
export function PeriodNav({ previous, next, views, parts }: { previous: NavLink | null; next: NavLink | null; views: NavLink[]; parts?: NavParts }) {
  const linkClass =
    "rounded-md border border-zinc-300 px-3 py-1.5 hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900";
  return (
    <nav aria-label="Dates" className="flex flex-wrap items-center justify-between gap-2 text-sm">
      <div className="flex gap-2">
        {previous ? (
          <a href={previous.href} rel="prev" className={linkClass}>
            <span aria-hidden="true">← </span>
            <span className="sr-only">Previous: </span>
            {previous.label}
          </a>
        ) : null}
        {next ? (
          <a href={next.href} rel="next" className={linkClass}>
            <span className="sr-only">Next: </span>
            {next.label}
            <span aria-hidden="true"> →</span>
          </a>
        ) : null}
      </div>
      <ul className="flex flex-wrap gap-3 text-zinc-600 dark:text-zinc-400">
        {views.map((view) => (
          <li key={view.href}>
            <a href={view.href} className="underline-offset-2 hover:underline">
              {view.label}
            </a>
          </li>
        ))}
      </ul>
      {parts && parts.links.length > 0 && (
        <ul aria-label={parts.label} className="flex w-full flex-wrap gap-x-3 gap-y-1 text-zinc-600 dark:text-zinc-400">
          {parts.links.map((part) => (
            <li key={part.href}>
              <a href={part.href} className="underline underline-offset-2 hover:text-zinc-950 dark:hover:text-white">
                {part.label}
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
