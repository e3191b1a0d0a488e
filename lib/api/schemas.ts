import { z } from "zod";

// The public API's response shapes, written once: TypeScript types come from them, the OpenAPI
// document derives its schemas from them (lib/api/openapi.ts), and the HTTP tests parse real
// responses with them. Field names follow Hugging Face's papers API so its clients work here.

/** Schemas that appear in the OpenAPI document under components.schemas, by id. */
export const apiSchemas = z.registry<{ id: string }>();

const dateTime = z.iso.datetime();

export const ApiUser = z
  .object({
    _id: z.string(),
    name: z.string().describe("The username, as in /u/{name}."),
    fullname: z.string(),
    avatarUrl: z.string().describe("The account's image, else a generated initials avatar (a data: URL)."),
    isPro: z.boolean().describe("Always false: kept for Hugging Face clients, which expect it."),
    type: z.literal("user"),
  })
  .describe("A reader's public profile.")
  .register(apiSchemas, { id: "User" });

export const ApiAuthor = z
  .object({
    _id: z.string().describe("Stable per paper and position: {paperId}#{position}."),
    name: z.string(),
    hidden: z.boolean(),
  })
  .register(apiSchemas, { id: "Author" });

export const ApiPaper = z
  .object({
    id: z.string().describe("arXiv identifier without version, e.g. 2401.12345 or hep-th/9901001."),
    authors: z.array(ApiAuthor),
    publishedAt: dateTime.nullable().describe("When arXiv published the paper (null when unknown)."),
    title: z.string(),
    summary: z.string().describe("The abstract."),
    upvotes: z.number().int(),
    discussionId: z.string().describe("The paper's ID: its comments are at /api/papers/{discussionId}/comments."),
    githubRepo: z.string().optional(),
    projectPage: z.string().optional(),
    submittedOnDailyAt: dateTime.optional().describe("When it first went on the daily list."),
    submittedOnDailyBy: ApiUser.optional().describe("Who put it on the daily list, when known."),
  })
  .describe("A paper as arXiv describes it, with its community counters.")
  .register(apiSchemas, { id: "Paper" });

export const ApiDailyPaper = z
  .object({
    paper: ApiPaper,
    publishedAt: dateTime.describe("When it went on the daily list (not the arXiv date: that is paper.publishedAt)."),
    title: z.string(),
    summary: z.string(),
    thumbnail: z.string().describe("Absolute URL of a generated SVG card: /api/papers/{id}/thumbnail.svg."),
    numComments: z.number().int(),
    submittedBy: ApiUser.nullable().describe("Who put it on the list; null when that account is gone."),
    isAuthorParticipating: z.boolean().describe("Always false: Paperboard does not yet link accounts to authors."),
  })
  .describe("One entry of the daily list.")
  .register(apiSchemas, { id: "DailyPaper" });

export const ApiSearchResult = z
  .object({ paper: ApiPaper, numComments: z.number().int(), isAuthorParticipating: z.boolean() })
  .register(apiSchemas, { id: "SearchResult" });

export const ApiComment = z
  .object({
    id: z.string(),
    parentId: z.string().nullable().describe("The comment this replies to; null at the top of a thread."),
    depth: z.number().int(),
    state: z.enum(["live", "deleted", "hidden"]),
    body: z.string().optional().describe("Markdown. Absent once the comment was deleted or hidden by a moderator."),
    author: ApiUser.nullable().describe("Null once the comment was deleted or hidden."),
    upvotes: z.number().int(),
    createdAt: dateTime,
    editedAt: dateTime.nullable(),
  })
  .describe("One comment; replies point at their parent.")
  .register(apiSchemas, { id: "Comment" });

export const ApiError = z
  .object({
    error: z.object({
      code: z.string().describe("invalid_input, not_found, internal or unavailable (503: the database cannot be reached; retry later)."),
      message: z.string(),
      parameter: z.string().optional().describe("The query parameter that was refused."),
    }),
  })
  .register(apiSchemas, { id: "Error" });

export type ApiUser = z.infer<typeof ApiUser>;
export type ApiAuthor = z.infer<typeof ApiAuthor>;
export type ApiPaper = z.infer<typeof ApiPaper>;
export type ApiDailyPaper = z.infer<typeof ApiDailyPaper>;
export type ApiSearchResult = z.infer<typeof ApiSearchResult>;
export type ApiComment = z.infer<typeof ApiComment>;
export type ApiError = z.infer<typeof ApiError>;
