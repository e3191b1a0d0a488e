import { getPaperComments } from "@/db/queries/comments";
import { getApiPaper, getPaperTitle } from "@/db/queries/api";
import { apiError, apiJson, apiRoute } from "@/lib/api/http";
import { decodeSegments } from "@/lib/uri";
import { parsePaperPath } from "@/lib/api/paper-path";
import { toApiComments, toApiPaper } from "@/lib/api/shape";
import { thumbnailSvg } from "@/lib/api/thumbnail";

// GET /api/papers/{id}, /api/papers/{id}/comments and /api/papers/{id}/thumbnail.svg, for new-
// and old-style IDs alike (/api/papers/hep-th/9901001/comments). A version suffix is accepted and
// dropped: the API describes the paper, not one version of it.
export const GET = apiRoute(async (_request: Request, ctx: { params: Promise<{ id: string[] }> }) => {
  const path = parsePaperPath(decodeSegments((await ctx.params).id));
  if (!path.ok) {
    return apiError("not_found", `“${path.raw}” is not an arXiv identifier. They look like 2401.12345 or hep-th/9901001.`);
  }
  const unknown = () => apiError("not_found", `There is no paper ${path.id} here.`);

  if (path.resource === "paper") {
    const paper = await getApiPaper({ id: path.id });
    return paper ? apiJson(toApiPaper(paper)) : unknown();
  }
  const paper = await getPaperTitle({ id: path.id });
  if (!paper) return unknown();
  if (path.resource === "comments") return apiJson(toApiComments(await getPaperComments({ paperId: paper.id })));
  return new Response(thumbnailSvg(paper), {
    headers: { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=86400", "access-control-allow-origin": "*" },
  });
});
