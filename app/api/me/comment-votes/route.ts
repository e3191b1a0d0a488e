import { z } from "zod";
import { getUpvotedCommentIds } from "@/db/queries/votes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import { errorResponse } from "@/lib/route-handler";
import { AppError } from "@/lib/errors";

const Query = z.object({ paper: arxivIdSchema });

// GET ?paper=ID → { upvoted }: the comments of one paper the reader has upvoted. The paper page is
// cached for everyone; this small request is its only personal part besides /api/me.
export async function GET(request: Request) {
  const parsed = Query.safeParse({ paper: new URL(request.url).searchParams.get("paper") ?? "" });
  if (!parsed.success) return errorResponse(new AppError("invalid_input", { message: "paper must be an arXiv ID." }).toPayload());
  const user = await getCurrentUser();
  const upvoted = user ? await getUpvotedCommentIds({ userId: user.id, paperId: parsed.data.paper }) : [];
  return Response.json({ upvoted }, { headers: { "cache-control": "private, no-store" } });
}
