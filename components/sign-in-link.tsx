"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** "Sign in", returning the reader to the page they were on. */
export function SignInLink() {
  const pathname = usePathname();
  const stay = pathname && pathname !== "/" && !pathname.startsWith("/signin") && !pathname.startsWith("/signup") && !pathname.startsWith("/signout");
  return (
    <Link
      href={stay ? `/signin?${new URLSearchParams({ callbackUrl: pathname })}` : "/signin"}
      className="rounded-md bg-zinc-900 px-3 py-1.5 font-medium text-white hover:bg-zinc-700 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
    >
      Sign in
    </Link>
  );
}
