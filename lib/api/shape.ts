import { absoluteUrl } from "../site-url";
import { avatarDataUrl } from "./avatar-data-url";
import type { ApiAuthor, ApiComment, ApiDailyPaper, ApiPaper, ApiSearchResult, ApiUser } from "./schemas";

// Turns database rows (db/queries/api.ts) into the public API's shapes. Pure: the origin for
// absolute links is passed in.

export type UserRow = { id: string; username: string | null; name: string | null; image: string | null };

export type PaperRow = {
  id: string;
  title: string;
  abstract: string;
  publishedAt: Date | null;
  githubRepo: string | null;
  projectPage: string | null;
  upvoteCount: number;
  commentCount: number;
  authors: string[];
  /** The paper's first visible listing, if it was ever on the daily list. */
  listing: { submittedAt: Date; submitter: UserRow | null } | null;
};

/** A paper as one entry of the list: `listing` is that entry. */
export type ListedPaperRow = PaperRow & { listing: NonNullable<PaperRow["listing"]> };

export type CommentRowInput = {
  id: number;
  parentId: number | null;
  depth: number;
  body: string | null;
  state: "live" | "deleted" | "hidden";
  upvoteCount: number;
  createdAt: Date;
  editedAt: Date | null;
  author: UserRow | null;
};

export function toApiUser(user: UserRow): ApiUser {
  // Accounts made by email link may lack a username for a moment; the id still identifies them.
  const name = user.username ?? user.id;
  return {
    _id: user.id,
    name,
    fullname: user.name ?? name,
    avatarUrl: user.image ?? avatarDataUrl(user.name, name),
    isPro: false,
    type: "user",
  };
}

export function toApiAuthors(paperId: string, names: string[]): ApiAuthor[] {
  return names.map((name, position) => ({ _id: `${paperId}#${position}`, name, hidden: false }));
}

export function toApiPaper(row: PaperRow): ApiPaper {
  const submitter = row.listing?.submitter;
  return {
    id: row.id,
    authors: toApiAuthors(row.id, row.authors),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    title: row.title,
    summary: row.abstract,
    upvotes: row.upvoteCount,
    discussionId: row.id,
    ...(row.githubRepo ? { githubRepo: row.githubRepo } : {}),
    ...(row.projectPage ? { projectPage: row.projectPage } : {}),
    ...(row.listing ? { submittedOnDailyAt: row.listing.submittedAt.toISOString() } : {}),
    ...(submitter ? { submittedOnDailyBy: toApiUser(submitter) } : {}),
  };
}

export function thumbnailUrl(origin: string, paperId: string): string {
  return absoluteUrl(origin, `/api/papers/${paperId}/thumbnail.svg`);
}

export function toDailyPaper(row: ListedPaperRow, origin: string): ApiDailyPaper {
  return {
    paper: toApiPaper(row),
    publishedAt: row.listing.submittedAt.toISOString(),
    title: row.title,
    summary: row.abstract,
    thumbnail: thumbnailUrl(origin, row.id),
    numComments: row.commentCount,
    submittedBy: row.listing.submitter ? toApiUser(row.listing.submitter) : null,
    isAuthorParticipating: false,
  };
}

export function toSearchResult(row: PaperRow): ApiSearchResult {
  return { paper: toApiPaper(row), numComments: row.commentCount, isAuthorParticipating: false };
}

/** Flat, oldest first; the words and the author of removed comments are left out. */
export function toApiComments(rows: CommentRowInput[]): ApiComment[] {
  return rows.map((row) => {
    const live = row.state === "live";
    return {
      id: String(row.id),
      parentId: row.parentId === null ? null : String(row.parentId),
      depth: row.depth,
      state: row.state,
      ...(live && row.body !== null ? { body: row.body } : {}),
      author: live && row.author ? toApiUser(row.author) : null,
      upvotes: row.upvoteCount,
      createdAt: row.createdAt.toISOString(),
      editedAt: live ? (row.editedAt?.toISOString() ?? null) : null,
    };
  });
}
