"use client";

import { usePathname } from "next/navigation";

const SECTIONS = [
  { href: "/", label: "Daily", matches: (path: string) => path === "/" || path.startsWith("/papers/date") || path.startsWith("/papers/week") || path.startsWith("/papers/month") },
  { href: "/trending", label: "Trending", matches: (path: string) => path === "/trending" },
] as const;

/** The site's main sections, with the current one marked for screen readers (aria-current). */
export function SiteNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Sections">
      <ul className="flex items-center gap-1 text-sm">
        {SECTIONS.map(({ href, label, matches }) => {
          const current = matches(pathname);
          return (
            <li key={href}>
              <a
                href={href}
                aria-current={current ? "page" : undefined}
                className="rounded-md px-2.5 py-1.5 font-medium text-zinc-700 hover:bg-zinc-100 aria-[current=page]:bg-zinc-100 aria-[current=page]:text-zinc-950 dark:text-zinc-300 dark:hover:bg-zinc-900 dark:aria-[current=page]:bg-zinc-900 dark:aria-[current=page]:text-white"
              >
                {label}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
