"use client";

import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import type { Me } from "@/app/api/me/route";

export type { Me };

export const ME_KEY = ["me"] as const;

/** A paper's upvote count as the page shows it: the rendered one, then the freshest we hear of. */
export function paperCountKey(paperId: string) {
  return ["paper-upvotes", paperId] as const;
}

// The papers the current page shows, by the component that shows them (components/votes/
// reader-votes.tsx). They are registered while rendering, before any effect runs, so the one
// /api/me request a page view makes already asks about them: the header and the list share it.
const pagePapers = new Map<string, string[]>();

export function registerPagePapers(owner: string, paperIds: string[]) {
  pagePapers.set(owner, paperIds);
}

export function unregisterPagePapers(owner: string) {
  pagePapers.delete(owner);
}

function registeredPaperIds(): string[] {
  return [...new Set([...pagePapers.values()].flat())].sort();
}

async function fetchMe(queryClient: QueryClient): Promise<Me> {
  const paperIds = registeredPaperIds();
  const query = paperIds.length > 0 ? `?papers=${encodeURIComponent(paperIds.join(","))}` : "";
  const response = await fetch(`/api/me${query}`, { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`Could not tell who you are (${response.status}).`);
  const me: Me = await response.json();
  // Live counts (signed-in readers only) replace the cached page's, which may predate a vote.
  for (const [paperId, count] of Object.entries(me.votes?.counts ?? {})) queryClient.setQueryData(paperCountKey(paperId), count);
  return me;
}

/** Who is reading, and their votes on this page's papers, from /api/me: the cached pages do not know. `undefined` while it loads. */
export function useMe() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ME_KEY,
    // Fetched once per page load, and again after each navigation (useRefreshMeOnNavigation).
    staleTime: Infinity,
    queryFn: () => fetchMe(queryClient),
  });
}

/**
 * Signing in or out ends in a client-side navigation, not a page load, so whoever is reading may
 * have changed, and the new page shows other papers: ask again whenever the path changes (the
 * first render already asked).
 */
export function useRefreshMeOnNavigation() {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [pathname, queryClient]);
}

/**
 * Back and Forward may restore a page from the browser's back/forward cache: the document as it
 * was left, reader, votes and typed replies included, even if that reader has signed out since.
 * Ask who is reading again; if it is someone else (or no one), load the page afresh, so nothing
 * of the last reader's stays on screen.
 */
export function useRefreshMeOnRestore() {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onPageShow = async (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      const before = queryClient.getQueryData<Me>(ME_KEY)?.user?.id ?? null;
      await queryClient.refetchQueries({ queryKey: ME_KEY });
      const after = queryClient.getQueryData<Me>(ME_KEY)?.user?.id ?? null;
      if (after !== before) window.location.reload();
      else void queryClient.invalidateQueries({ queryKey: ["comment-votes"] });
    };
    window.addEventListener("pageshow", onPageShow);
    return () => window.removeEventListener("pageshow", onPageShow);
  }, [queryClient]);
}
