"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ReaderCommentState } from "@/db/queries/votes";
import type { FlagReason } from "@/lib/flag-reasons";
import type { Actor } from "@/lib/permissions";
import { useMe } from "@/components/use-me";

/** Who is reading the discussion: unknown while /api/me loads, then a signed-in actor or nobody. */
export type Viewer = { status: "loading" } | { status: "anonymous" } | { status: "suspended"; actor: Actor } | { status: "active"; actor: Actor };

export function useViewer(): Viewer {
  const { data, isError } = useMe();
  if (isError) return { status: "anonymous" };
  if (!data) return { status: "loading" };
  const user = data.user;
  if (!user) return { status: "anonymous" };
  // The ban's date does not matter here, only that there is one (lib/permissions.ts isActive).
  const actor: Actor = { id: user.id, role: user.role, bannedAt: user.suspended ? new Date(0) : null };
  return user.suspended ? { status: "suspended", actor } : { status: "active", actor };
}

export function commentVotesKey(paperId: string) {
  return ["comment-votes", paperId] as const;
}

export type CommentVotes = { upvoted: Set<number>; counts: Record<number, number>; sources: Record<number, string>; flagged: Record<number, FlagReason> };

/**
 * The comments of this paper the reader has upvoted, the live counts, the Markdown of the
 * reader's own comments (to edit them) and the flags they put on others', asked only once we know
 * they can vote.
 */
export function useCommentVotes(paperId: string, enabled: boolean): CommentVotes {
  const { data } = useQuery({
    queryKey: commentVotesKey(paperId),
    enabled,
    staleTime: 0,
    queryFn: async (): Promise<ReaderCommentState> => {
      const response = await fetch(`/api/me/comment-votes?paper=${encodeURIComponent(paperId)}`, { headers: { accept: "application/json" }, cache: "no-store" });
      if (!response.ok) throw new Error(`Could not load your comment votes (${response.status}).`);
      return response.json();
    },
  });
  return useMemo(() => ({ upvoted: new Set(data?.upvoted ?? []), counts: data?.counts ?? {}, sources: data?.sources ?? {}, flagged: data?.flagged ?? {} }), [data]);
}

/** After the reader posts or edits a comment: ask again, so its source (for Edit) and counts are current. */
export function useRefreshCommentVotes(paperId: string): () => void {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: commentVotesKey(paperId) });
}
