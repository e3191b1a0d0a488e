"use client";

import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { signInAddress } from "@/lib/sign-in-address";

/** "Sign in", returning the reader to the page they were on, query string included. */
export function SignInLink() {
  const pathname = usePathname();
  // The query is read from the address bar, not useSearchParams(): that would make every cached
  // page render this header in the browser only. It is read again just before a click or tap,
  // since a navigation within one path (the next page of a search) changes only the query.
  const [href, setHref] = useState(() => signInAddress(pathname));
  const refresh = () => setHref(signInAddress(window.location.pathname, window.location.search));
  useEffect(refresh, [pathname]);
  return (
    <a
      href={href}
      onPointerEnter={refresh}
      onPointerDown={refresh}
      onFocus={refresh}
      className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
    >
      Sign in
    </a>
  );
}
