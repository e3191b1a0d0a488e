import { z } from "zod";
import type { ReaderPaperVotes } from "@/db/queries/votes";
import { getCurrentUserWithPaperVotes } from "@/lib/auth/current-user";
import { isBanned } from "@/lib/auth/session-user";
import { paperIdListSchema } from "@/lib/api/paper-id-list";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/error-response";
import { jsonRoute } from "@/lib/api/json-route";

/** What the browser needs to show who is signed in and what they upvoted; nothing more leaves the server. */
export type Me = {
  user: { id: string; username: string | null; name: string | null; role: "user" | "admin"; suspended: boolean } | null;
  /** With ?papers=…, for a signed-in reader: which of those papers they upvoted, and their live counts. */
  votes?: ReaderPaperVotes;
};

const Query = z.object({ papers: paperIdListSchema });

// GET [?papers=a,b,c] → { user, votes? }: who is reading and, for the papers on the page, their own
// upvotes and the live counts. Pages are the same for everyone and cached; this one request, made
// by the browser, is the whole personal part of a page view (components/use-me.ts). Signed-out
// readers cost no database read.
export const GET = jsonRoute(async (request: Request) => {
  const parsed = Query.safeParse({ papers: new URL(request.url).searchParams.get("papers") ?? "" });
  if (!parsed.success) return errorResponse(new AppError("invalid_input", { message: "papers must be a comma-separated list of at most 200 arXiv IDs." }).toPayload());
  const paperIds = parsed.data.papers;
  // The votes are read with the users row, in one statement, and only shown once the row passes.
  const { user, votes } = await getCurrentUserWithPaperVotes(paperIds);
  const body: Me = {
    user: user && { id: user.id, username: user.username, name: user.name, role: user.role, suspended: isBanned(user) },
    ...(user && votes ? { votes } : {}),
  };
  return Response.json(body, { headers: { "cache-control": "private, no-store" } });
});
