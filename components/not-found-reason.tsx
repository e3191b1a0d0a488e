"use client";

import { usePathname } from "next/navigation";
import { explainNotFound } from "@/lib/not-found-reason";

/** What was wrong with the address: a malformed date or arXiv ID, an unknown paper, or nothing there. */
export function NotFoundReason() {
  const pathname = usePathname();
  const { title, detail } = pathname ? explainNotFound(pathname) : { title: "Page not found", detail: "There is nothing at this address." };
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{detail}</p>
    </>
  );
}
