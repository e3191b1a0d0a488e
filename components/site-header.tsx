import Link from "next/link";
import { Suspense } from "react";
import { UserMenu, UserMenuPlaceholder } from "./user-menu";

export function SiteHeader() {
  return (
    <header className="border-b border-zinc-200 bg-white/90 dark:border-zinc-800 dark:bg-zinc-950/90">
      <div className="mx-auto flex w-full max-w-4xl flex-wrap items-center gap-x-4 gap-y-3 px-4 py-3 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid size-7 place-items-center rounded-md bg-accent-600 text-sm text-white">
            P
          </span>
          Paperboard
        </Link>
        <form role="search" action="/search" className="order-last w-full sm:order-none sm:w-auto sm:flex-1">
          <label htmlFor="site-search" className="sr-only">
            Search papers
          </label>
          <input
            id="site-search"
            name="q"
            type="search"
            placeholder="Search papers"
            className="w-full rounded-md border border-zinc-300 bg-zinc-50 px-3 py-1.5 text-sm placeholder:text-zinc-500 disabled:cursor-not-allowed dark:border-zinc-700 dark:bg-zinc-900 dark:placeholder:text-zinc-400"
          />
        </form>
        <nav aria-label="Account" className="ml-auto flex items-center gap-3 text-sm">
          <span
            aria-disabled="true"
            title="Email digests are coming soon"
            className="hidden rounded-md border border-accent-600 px-3 py-1.5 font-medium text-accent-700 md:inline dark:border-accent-300 dark:text-accent-300"
          >
            Get trending papers in your email inbox
          </span>
          <Suspense fallback={<UserMenuPlaceholder />}>
            <UserMenu />
          </Suspense>
        </nav>
      </div>
    </header>
  );
}
