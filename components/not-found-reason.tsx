"use client";

import { usePathname } from "next/navigation";
import { explainNotFound, NOTHING_HERE } from "@/lib/not-found-reason";
import { SubmitPaperOffer } from "./submit-paper-offer";

/**
 * What was wrong with the address: a malformed date or arXiv ID, an unknown paper (which the
 * reader can submit, as search offers), or nothing there.
 */
export function NotFoundReason() {
  const pathname = usePathname();
  const { title, detail, unknownPaperId } = pathname ? explainNotFound(pathname) : NOTHING_HERE;
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
      <p className="text-zinc-700 dark:text-zinc-300">{detail}</p>
      {unknownPaperId && (
        <p className="text-zinc-700 dark:text-zinc-300">
          <SubmitPaperOffer paperId={unknownPaperId} />
        </p>
      )}
    </>
  );
}
