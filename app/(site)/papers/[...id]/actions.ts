"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { flagComment, withdrawFlag } from "@/db/queries/comment-flags";
import { addComment, deleteComment, editComment } from "@/db/queries/comments";
import { FLAG_REASONS } from "@/lib/flag-reasons";
import { castCommentVote, removeCommentVote } from "@/db/queries/votes";
import { action } from "@/lib/action";
import { paperPath } from "@/lib/arxiv-id";
import { arxivIdSchema } from "@/lib/arxiv-id-schema";
import type { SessionUser } from "@/lib/auth/session-user";
import { clientIp } from "@/lib/client-ip";
import { commentBody, commentEditBase } from "@/lib/comment-rules";
import { enforceRateLimit } from "@/lib/rate-limit";

// The discussion's writes. Each goes through action(): signed in, not banned, input parsed. Who may
// touch which comment is decided in db/queries/comments.ts, inside the write's transaction.

const commentId = z.coerce.number().int().positive().max(2 ** 31 - 1);
// Forms send an empty field for "no parent".
const parentId = z.preprocess((value) => (value === "" ? null : value), commentId.nullable().default(null));

async function limit(kind: "comment" | "vote", user: SessionUser) {
  await enforceRateLimit({ action: kind, user, ip: clientIp(await headers()) });
}

export const addCommentAction = action(z.object({ paperId: arxivIdSchema, parentId, body: commentBody }), async (input, user) => {
  await limit("comment", user);
  const created = await addComment({ actor: user, ...input });
  revalidatePath(paperPath(input.paperId));
  return created;
});

export const editCommentAction = action(z.object({ commentId, body: commentBody, basedOn: commentEditBase }), async (input, user) => {
  await limit("comment", user);
  const edited = await editComment({ actor: user, ...input });
  revalidatePath(paperPath(edited.paperId));
  return { id: edited.id };
});

export const deleteCommentAction = action(z.object({ commentId }), async (input, user) => {
  await limit("comment", user);
  const deleted = await deleteComment({ actor: user, ...input });
  revalidatePath(paperPath(deleted.paperId));
  return { id: deleted.id };
});

/**
 * Upvote a comment or take the upvote back. The page is not re-rendered: the answer carries the
 * new count, and re-sorting a "best" thread under the reader's pointer would move what they
 * just clicked.
 */
export const voteCommentAction = action(z.object({ commentId, upvoted: z.boolean() }), async ({ commentId, upvoted }, user) => {
  await limit("vote", user);
  const result = upvoted ? await castCommentVote({ userId: user.id, commentId }) : await removeCommentVote({ userId: user.id, commentId });
  return { upvoted: result.upvoted, upvoteCount: result.upvoteCount };
});

/**
 * Flag someone else's comment for the moderators. Nothing public changes (the moderators decide),
 * so no page is refreshed; counted against the reader's vote limit, flags being as cheap.
 */
export const flagCommentAction = action(z.object({ commentId, reason: z.enum(FLAG_REASONS, { error: "Choose what is wrong with it." }) }), async (input, user) => {
  await limit("vote", user);
  await flagComment({ actor: user, ...input });
  return { flagged: true as const };
});

/** Take back the reader's own flag on a comment; like flagging, nothing public changes. */
export const withdrawFlagAction = action(z.object({ commentId }), async (input, user) => {
  await limit("vote", user);
  await withdrawFlag({ actor: user, ...input });
  return { withdrawn: true as const };
});
