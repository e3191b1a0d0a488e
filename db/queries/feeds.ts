import "server-only";
import type { ListedPaperRow } from "@/lib/api/shape";
import { getApiPapers } from "./api";
import { getTrending } from "./trending";

/** The trending feed: the same papers, in the same order, as /trending (db/queries/trending.ts). */
export async function getTrendingPaperRows({ now, limit }: { now: Date; limit: number }): Promise<ListedPaperRow[]> {
  const trending = await getTrending({ now, limit });
  const details = await getApiPapers({ ids: trending.map((p) => p.id) });
  return details.flatMap((paper) => (paper.listing ? [{ ...paper, listing: paper.listing }] : []));
}
