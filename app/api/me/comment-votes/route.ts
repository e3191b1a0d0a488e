import { z } from "zod";
import { getReaderCommentVotes, type ReaderCommentState } from "@/db/queries/votes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import { errorResponse } from "@/lib/error-response";
import { jsonRoute } from "@/lib/api/json-route";
import { AppError } from "@/lib/errors";

const Query = z.object({ paper: arxivIdSchema });

/** A signed-out reader's answer: nothing of their own. */
const NOBODY: ReaderCommentState = { upvoted: [], counts: {}, sources: {}, flagged: {} };

// GET ?paper=ID → { upvoted, counts, sources, flagged }: the comments of one paper the reader has
// upvoted, the live count of each comment (so a count never misses the vote the reader cast after
// the cached page was rendered), the Markdown of the reader's own live comments, to edit them, and
// the reason of each flag the reader has on them. The paper page is cached for everyone; this is
// its personal part.
export const GET = jsonRoute(async (request: Request) => {
  const parsed = Query.safeParse({ paper: new URL(request.url).searchParams.get("paper") ?? "" });
  if (!parsed.success) return errorResponse(new AppError("invalid_input", { message: "paper must be an arXiv ID." }).toPayload());
  const user = await getCurrentUser();
  const state: ReaderCommentState = user ? await getReaderCommentVotes({ userId: user.id, paperId: parsed.data.paper }) : NOBODY;
  return Response.json(state, { headers: { "cache-control": "private, no-store" } });
});
