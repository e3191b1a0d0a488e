import { digestsAvailable } from "@/lib/digest/mail-config";
import { UserMenu } from "./user-menu";

const navLink = "rounded-md px-2 py-1 font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:hover:text-white";

export function SiteHeader() {
  // Read without the full environment check, as app/layout.tsx reads the origin: the few pages
  // prerendered at build (Next's own 404, the unsubscribe confirmation) render this when no
  // secret exists, and follow the build's environment; every other page reads the server's.
  const digests = digestsAvailable({ SMTP_URL: process.env.SMTP_URL || undefined, NODE_ENV: process.env.NODE_ENV });
  return (
    <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex w-full max-w-4xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 sm:px-6">
        <a href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
            P
          </span>
          Paperboard
        </a>
        <nav aria-label="Site" className="flex items-center gap-1 text-sm">
          <a href="/" className={navLink}>
            Daily
          </a>
          <a href="/trending" className={navLink}>
            Trending
          </a>
          <a href="/submit" className={navLink}>
            Submit
          </a>
        </nav>
        <nav aria-label="Account" className="ml-auto flex items-center gap-2 text-sm">
          <UserMenu />
        </nav>
        <div className="flex w-full items-center gap-2">
          <form role="search" action="/search" className="min-w-40 flex-1">
            <label htmlFor="site-search" className="sr-only">
              Search papers
            </label>
            <input
              id="site-search"
              name="q"
              type="search"
              placeholder="Search papers"
              className="w-full rounded-md border border-zinc-300 bg-zinc-50 px-3 py-1.5 text-sm placeholder:text-zinc-500 dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
            />
          </form>
          {digests && (
            <a
              href="/subscribe"
              className="shrink-0 whitespace-nowrap rounded-md border border-accent-600 px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-accent-50 dark:border-accent-300 dark:text-accent-300 dark:hover:bg-zinc-900"
            >
              {/* Short on phones, so search and the digest share one row. */}
              <span className="sm:hidden">Email digest</span>
              <span className="hidden sm:inline">Get trending papers in your email inbox</span>
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
