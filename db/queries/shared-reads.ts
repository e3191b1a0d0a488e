import "server-only";
import { PAGE_EXPIRE_SECONDS, PAGE_REVALIDATE_SECONDS } from "@/lib/cached-pages";
import { sharedResultCache } from "@/lib/shared-result-cache";
import { searchPapers } from "./search";

// Reads whose answer is the same for every reader, answered from memory and as fresh as the cached
// pages: a new paper or vote shows within PAGE_EXPIRE_SECONDS (README, "Page cache"). Search is
// the costliest read the site makes (tens of milliseconds at 100k papers: PostgreSQL ranks each
// matching paper's full text); the public API's lists are what scripts ask for again and again.
export function sharedRead<A, T extends {}>(load: (args: A) => Promise<T>): (args: A) => Promise<T> {
  return sharedResultCache({ freshSeconds: PAGE_REVALIDATE_SECONDS, expireSeconds: PAGE_EXPIRE_SECONDS, maxEntries: 500, load });
}

export const searchPapersShared = sharedRead(searchPapers);
