"use client";

import { useEffect, useState } from "react";

type Outcome = "new" | "existing";

/**
 * After a submission the reader lands here with ?submitted=new|existing. The page is cached for
 * everyone, so the thank-you is read from the address in the browser, not on the server.
 */
export function SubmittedNotice({ listedSince }: { listedSince: string | null }) {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  useEffect(() => {
    const value = new URLSearchParams(window.location.search).get("submitted");
    setOutcome(value === "new" || value === "existing" ? value : null);
  }, []);
  if (!outcome) return null;
  return (
    <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-100">
      {outcome === "new" ? "Thanks! The paper is on today's list." : `This paper is already on the list${listedSince ? ` (since ${listedSince})` : ""}, so nothing was added.`}
    </p>
  );
}
