// How the daily list is ordered. db/queries/daily-list.ts implements the same order in SQL;
// tests/integration/daily-list.test.ts checks the two agree.
//
// 1. Pinned entries first, by their pinned position (admins feature papers).
// 2. Then by upvotes, most first.
// 3. Ties go to the paper submitted earlier: whoever surfaced it first keeps the place.
// 4. Finally by arXiv ID, so the order is total and stable between requests.

export type Rankable = {
  id: string;
  pinnedPosition: number | null;
  upvoteCount: number;
  submittedAt: Date;
};

export function compareRanked(a: Rankable, b: Rankable): number {
  if (a.pinnedPosition !== null || b.pinnedPosition !== null) {
    if (a.pinnedPosition === null) return 1;
    if (b.pinnedPosition === null) return -1;
    if (a.pinnedPosition !== b.pinnedPosition) return a.pinnedPosition - b.pinnedPosition;
  }
  if (a.upvoteCount !== b.upvoteCount) return b.upvoteCount - a.upvoteCount;
  const bySubmission = a.submittedAt.getTime() - b.submittedAt.getTime();
  if (bySubmission !== 0) return bySubmission;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
