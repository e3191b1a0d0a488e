import { isoWeekOf, todayUtc } from "@/lib/dates";
import { weekPath } from "@/lib/paths";

export type Target = { name: string; path: string };

/** The static ceiling: a byte copy of the home page in public/, served by the same `next start`. */
export const STATIC_PATH = "/bench-static.html";

/**
 * What a reader fetches, found through the running server itself (the seed moves the list to end
 * today): the home page, this week, the first listed paper, the list API, and the signed-out
 * per-reader vote lookup for that list's papers.
 */
export async function discoverTargets(origin: string): Promise<Target[]> {
  const response = await fetch(`${origin}/api/daily_papers`);
  if (!response.ok) throw new Error(`/api/daily_papers answered ${response.status}`);
  const ids = ((await response.json()) as { paper: { id: string } }[]).map((entry) => entry.paper.id);
  if (ids.length === 0) throw new Error("the seeded database lists no papers today");
  return [
    { name: "home (anonymous)", path: "/" },
    { name: "week page", path: weekPath(isoWeekOf(todayUtc())) },
    { name: "paper page", path: `/papers/${ids[0]}` },
    { name: "/api/daily_papers", path: "/api/daily_papers" },
    { name: "/api/me/votes (signed out)", path: `/api/me/votes?papers=${ids.join(",")}` },
    { name: "static file (ceiling)", path: STATIC_PATH },
  ];
}
