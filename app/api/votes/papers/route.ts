import { z } from "zod";
import { castPaperVote, removePaperVote } from "@/db/queries/votes";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import { clientIp } from "@/lib/client-ip";
import { rateLimitChecks } from "@/lib/rate-limit";
import { jsonWrite } from "@/lib/route-handler";

// POST { paperId, upvoted }: set the reader's upvote on a paper. Idempotent: repeating a request
// changes nothing, so double clicks and retries are harmless. The rate limits are counted in the
// vote's own statement (one round trip, the hottest write there is); refused, nothing changes.
export const POST = jsonWrite(z.object({ paperId: arxivIdSchema, upvoted: z.boolean() }).strict(), async ({ paperId, upvoted }, user, request) => {
  const vote = { userId: user.id, paperId, rateLimits: rateLimitChecks({ action: "vote", user, ip: clientIp(request.headers) }) };
  const result = upvoted ? await castPaperVote(vote) : await removePaperVote(vote);
  return { paperId, upvoted: result.upvoted, upvoteCount: result.upvoteCount };
});
