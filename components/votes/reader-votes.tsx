"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { createContext, useContext } from "react";

// The reader's own upvotes come from one small JSON request made by the browser, so the page
// itself is the same for everyone (and can be cached); only this request is personal.

export type ReaderVotes = { signedIn: boolean; upvoted: string[]; counts?: Record<string, number> };

const PaperIdsContext = createContext<string[]>([]);

export function readerVotesKey(paperIds: string[]) {
  return ["reader-votes", [...paperIds].sort().join(",")] as const;
}

/** A paper's upvote count as the page shows it: the rendered one, then the freshest we hear of. */
export function paperCountKey(paperId: string) {
  return ["paper-upvotes", paperId] as const;
}

export function ReaderVotesScope({ paperIds, children }: { paperIds: string[]; children: React.ReactNode }) {
  return <PaperIdsContext.Provider value={paperIds}>{children}</PaperIdsContext.Provider>;
}

export function useReaderVotes() {
  const paperIds = useContext(PaperIdsContext);
  const queryClient = useQueryClient();
  return {
    paperIds,
    query: useQuery({
      queryKey: readerVotesKey(paperIds),
      enabled: paperIds.length > 0,
      // Personal state: refetched on every page view, so signing in or out shows at once.
      staleTime: 0,
      queryFn: async (): Promise<ReaderVotes> => {
        const response = await fetch(`/api/me/votes?papers=${encodeURIComponent(paperIds.join(","))}`, {
          headers: { accept: "application/json" },
          cache: "no-store",
        });
        if (!response.ok) throw new Error(`Could not load your votes (${response.status}).`);
        const votes: ReaderVotes = await response.json();
        // Live counts (signed-in readers only) replace the cached page's, which may predate a vote.
        for (const [paperId, count] of Object.entries(votes.counts ?? {})) queryClient.setQueryData(paperCountKey(paperId), count);
        return votes;
      },
    }),
  };
}
