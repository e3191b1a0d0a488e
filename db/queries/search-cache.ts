import "server-only";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/cached-pages";
import { sharedResultCache } from "@/lib/shared-result-cache";
import { searchPapers } from "./search";

// Search results are the same for every reader, and ranking every match of a common word is the
// costliest read the site makes (tens of milliseconds at 100k papers: PostgreSQL ranks each
// matching paper's full text). Popular searches are answered from memory, as fresh as the cached
// pages: a new paper or vote shows in results within PAGE_EXPIRE_SECONDS (README, "Page cache").
export function searchResultCache<A, T extends {}>(load: (args: A) => Promise<T>): (args: A) => Promise<T> {
  return sharedResultCache({ freshSeconds: PAGE_REVALIDATE_SECONDS, expireSeconds: PAGE_EXPIRE_SECONDS, maxEntries: 500, load });
}

export const searchPapersShared = searchResultCache(searchPapers);
