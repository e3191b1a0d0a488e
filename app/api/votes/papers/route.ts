import { z } from "zod";
import { castPaperVote, removePaperVote } from "@/db/queries/votes";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import { clientIp } from "@/lib/client-ip";
import { enforceRateLimit } from "@/lib/rate-limit";
import { jsonWrite } from "@/lib/route-handler";

// POST { paperId, upvoted }: set the reader's upvote on a paper. Idempotent: repeating a request
// changes nothing, so double clicks and retries are harmless.
export const POST = jsonWrite(z.object({ paperId: arxivIdSchema, upvoted: z.boolean() }).strict(), async ({ paperId, upvoted }, user, request) => {
  await enforceRateLimit({ action: "vote", user, ip: clientIp(request.headers) });
  const result = upvoted ? await castPaperVote({ userId: user.id, paperId }) : await removePaperVote({ userId: user.id, paperId });
  return { paperId, upvoted: result.upvoted, upvoteCount: result.upvoteCount };
});
