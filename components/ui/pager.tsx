/** Previous/next links between numbered pages, with where the reader is ("Page 2 of 5"). */
export function Pager({
  label,
  current,
  pages,
  href,
  note,
}: {
  /** Names the navigation landmark: a page may hold more than one navigation. */
  label: string;
  current: number;
  pages: number;
  href: (page: number) => string;
  /** Said after "Page 2 of 5", when the pages do not reach everything. */
  note?: string;
}) {
  const link = "rounded-md border border-zinc-300 px-3 py-1.5 font-medium whitespace-nowrap hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800";
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      {current > 1 ? (
        <a href={href(current - 1)} rel="prev" className={link}>
          ← Previous page
        </a>
      ) : (
        <span />
      )}
      {/* Its own line on a phone, between the links on wider screens. */}
      <span className="order-first w-full text-center text-zinc-600 sm:order-none sm:w-auto dark:text-zinc-400">
        Page {current} of {pages}
        {note && ` ${note}`}
      </span>
      {current < pages ? (
        <a href={href(current + 1)} rel="next" className={link}>
          Next page →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
