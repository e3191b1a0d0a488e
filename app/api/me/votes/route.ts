import { z } from "zod";
import { getUpvotedPaperIds } from "@/db/queries/votes";
import { getCurrentUser } from "@/lib/auth/current-user";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import { errorResponse } from "@/lib/route-handler";
import { AppError } from "@/lib/errors";

const Query = z.object({
  papers: z
    .string()
    .max(8_000)
    .transform((s) => s.split(",").filter(Boolean))
    .pipe(z.array(arxivIdSchema).max(200)),
});

// GET ?papers=a,b,c → { signedIn, upvoted }: the reader's own state for the papers on a page.
// Pages are the same for everyone; this small request is the only personal part.
export async function GET(request: Request) {
  const parsed = Query.safeParse({ papers: new URL(request.url).searchParams.get("papers") ?? "" });
  if (!parsed.success) return errorResponse(new AppError("invalid_input", { message: "papers must be a comma-separated list of at most 200 arXiv IDs." }).toPayload());
  const user = await getCurrentUser();
  const upvoted = user ? await getUpvotedPaperIds({ userId: user.id, paperIds: parsed.data.papers }) : [];
  return Response.json({ signedIn: user !== null, upvoted }, { headers: { "cache-control": "private, no-store" } });
}
