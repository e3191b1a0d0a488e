import { loadCommentsFeed } from "@/app/feeds/load";
import { decodeSegments } from "@/lib/uri";
import { parseArxivId } from "@/lib/arxiv-id";
import { feedNotFound, serveFeed, splitFeedFile } from "@/lib/feeds/serve";

// GET /feeds/comments/{id}.xml (RSS 2.0) and .atom: a paper's comments. A catch-all, because
// old-style IDs keep their slash: /feeds/comments/hep-th/9901001.xml.
export async function GET(request: Request, ctx: { params: Promise<{ id: string[] }> }) {
  const segments = decodeSegments((await ctx.params).id);
  const file = splitFeedFile(segments.at(-1) ?? "");
  const id = file ? parseArxivId([...segments.slice(0, -1), file.stem].join("/")) : null;
  if (!file || !id) return feedNotFound();
  return serveFeed(request, file.format, (origin) => loadCommentsFeed(origin, id.id));
}
