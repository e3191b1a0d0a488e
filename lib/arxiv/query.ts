import type { Day } from "@/lib/dates";

// search_query strings for the export API (info.arxiv.org/help/api/user-manual.html#query_details).

/** The categories a daily ingest covers unless told otherwise: where most ML papers land. */
export const DEFAULT_CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"] as const;

/** An arXiv category such as cs.LG, hep-th or cond-mat.mes-hall; nothing that could widen a query. */
export const CATEGORY_PATTERN = /^[a-z]+(?:-[a-z]+)*(?:\.[A-Za-z]+(?:-[A-Za-z]+)*)?$/;

/**
 * Papers first submitted on `day` (UTC, as arXiv's submittedDate is) in any of `categories`:
 * `(cat:cs.LG OR cat:cs.CL) AND submittedDate:[202401150000 TO 202401152359]`.
 */
export function submittedOnQuery({ day, categories }: { day: Day; categories: readonly string[] }): string {
  if (categories.length === 0) throw new Error("submittedOnQuery needs at least one category");
  for (const category of categories) {
    if (!CATEGORY_PATTERN.test(category)) throw new Error(`Not an arXiv category: ${category}`);
  }
  const compact = day.replaceAll("-", "");
  const anyCategory = categories.map((category) => `cat:${category}`).join(" OR ");
  const scope = categories.length === 1 ? anyCategory : `(${anyCategory})`;
  return `${scope} AND submittedDate:[${compact}0000 TO ${compact}2359]`;
}
