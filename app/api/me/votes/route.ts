import { z } from "zod";
import { getReaderPaperVotes } from "@/db/queries/votes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { paperIdListSchema } from "@/lib/api/paper-id-list";
import { errorResponse } from "@/lib/error-response";
import { jsonRoute } from "@/lib/api/json-route";
import { AppError } from "@/lib/errors";

const Query = z.object({ papers: paperIdListSchema });

// GET ?papers=a,b,c → { signedIn, upvoted, counts? }: the reader's own state for the papers on a
// page. The site's own pages ask GET /api/me?papers=…, which also says who is reading, in one
// request; this stays for API clients. A signed-in reader also gets the live counts, so their own
// vote is never missing from a count a cached page rendered before they cast it; signed-out
// readers cost no database read.
export const GET = jsonRoute(async (request: Request) => {
  const parsed = Query.safeParse({ papers: new URL(request.url).searchParams.get("papers") ?? "" });
  if (!parsed.success) return errorResponse(new AppError("invalid_input", { message: "papers must be a comma-separated list of at most 200 arXiv IDs." }).toPayload());
  const user = await getCurrentUser();
  if (!user) return Response.json({ signedIn: false, upvoted: [] }, { headers: { "cache-control": "private, no-store" } });
  const { upvoted, counts } = await getReaderPaperVotes({ userId: user.id, paperIds: parsed.data.papers });
  return Response.json({ signedIn: true, upvoted, counts }, { headers: { "cache-control": "private, no-store" } });
});
