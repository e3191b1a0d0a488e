"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useId, useRef } from "react";
import { ME_KEY, registerPagePapers, unregisterPagePapers, useMe } from "@/components/use-me";

// The reader's own upvotes come with /api/me, the one small JSON request a page view makes from
// the browser, so the page itself is the same for everyone (and can be cached); only that request
// is personal.

export type ReaderVotes = { signedIn: boolean; upvoted: string[] };

const PaperIdsContext = createContext<string[]>([]);

export { paperCountKey } from "@/components/use-me";

export function ReaderVotesScope({ paperIds, children }: { paperIds: string[]; children: React.ReactNode }) {
  const owner = useId();
  // During render, so the page's first /api/me request (started by an effect) includes them.
  registerPagePapers(owner, paperIds);
  useEffect(() => {
    registerPagePapers(owner, paperIds);
    return () => unregisterPagePapers(owner);
  }, [owner, paperIds]);
  useAskAgainIfUncovered(paperIds);
  return <PaperIdsContext.Provider value={paperIds}>{children}</PaperIdsContext.Provider>;
}

/**
 * An answer asked before these papers were on the page (a client-side navigation) does not cover
 * them: ask once more, once for the whole list. (Asked by every button, a week page of 55 papers
 * sent 56 requests, each cancelling the one before.) Every paper that exists has a count in a
 * signed-in answer.
 */
function useAskAgainIfUncovered(paperIds: string[]) {
  const queryClient = useQueryClient();
  const { data } = useMe();
  const uncovered = Boolean(data?.user) && paperIds.some((id) => !(id in (data?.votes?.counts ?? {})));
  const askedAgainFor = useRef<string | null>(null);
  useEffect(() => {
    const key = paperIds.join(",");
    if (!uncovered || askedAgainFor.current === key) return;
    askedAgainFor.current = key;
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [uncovered, paperIds, queryClient]);
}

export function useReaderVotes(): { paperIds: string[]; votes: ReaderVotes | undefined } {
  const paperIds = useContext(PaperIdsContext);
  const { data } = useMe();
  if (!data) return { paperIds, votes: undefined };
  return { paperIds, votes: { signedIn: Boolean(data.user), upvoted: data.votes?.upvoted ?? [] } };
}
