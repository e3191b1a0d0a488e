import "server-only";
import { upsertPapers } from "@/db/queries/catalogue";
import { getPaperRow } from "@/db/queries/papers";
import type { Paper } from "@/db/schema";
import { fetchArxivByIds } from "../arxiv/client";
import { AppError } from "../errors";

/**
 * The paper from our catalogue, fetched from arXiv first when we do not have it (or when a newer
 * version than ours was asked for). A new version updates the stored paper; it never duplicates it.
 */
export async function ensurePaperInCatalogue(paperId: string, { minVersion = null }: { minVersion?: number | null } = {}): Promise<Paper> {
  const stored = await getPaperRow({ id: paperId });
  if (stored && (minVersion === null || stored.latestVersion >= minVersion)) return stored;
  const [entry] = await fetchArxivByIds([paperId]);
  if (!entry) {
    if (stored) return stored; // arXiv does not know the version asked for; ours is the latest it has
    throw new AppError("not_found", { message: `arXiv has no paper ${paperId}. Check the ID and try again.` });
  }
  await upsertPapers({ entries: [entry] });
  const fresh = await getPaperRow({ id: paperId });
  if (!fresh) throw new AppError("internal");
  return fresh;
}
