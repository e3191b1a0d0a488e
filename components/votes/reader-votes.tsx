"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";

// The reader's own upvotes come from one small JSON request made by the browser, so the page
// itself is the same for everyone (and can be cached); only this request is personal.

export type ReaderVotes = { signedIn: boolean; upvoted: string[] };

const PaperIdsContext = createContext<string[]>([]);

export function readerVotesKey(paperIds: string[]) {
  return ["reader-votes", [...paperIds].sort().join(",")] as const;
}

export function ReaderVotesScope({ paperIds, children }: { paperIds: string[]; children: React.ReactNode }) {
  return <PaperIdsContext.Provider value={paperIds}>{children}</PaperIdsContext.Provider>;
}

export function useReaderVotes() {
  const paperIds = useContext(PaperIdsContext);
  return {
    paperIds,
    query: useQuery({
      queryKey: readerVotesKey(paperIds),
      enabled: paperIds.length > 0,
      queryFn: async (): Promise<ReaderVotes> => {
        const response = await fetch(`/api/me/votes?papers=${encodeURIComponent(paperIds.join(","))}`, {
          headers: { accept: "application/json" },
          cache: "no-store",
        });
        if (!response.ok) throw new Error(`Could not load your votes (${response.status}).`);
        return response.json();
      },
    }),
  };
}
