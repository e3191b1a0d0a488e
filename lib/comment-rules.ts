import { markdownCostProblem } from "./markdown-limits";
import { pgText } from "./text-rules";

/** Replies nest at most this deep; a reply to the deepest level attaches beside its parent. */
export const MAX_COMMENT_DEPTH = 8;
/** Authors may edit their comment for this long after posting. */
export const EDIT_WINDOW_MS = 60 * 60 * 1000;
export const MAX_COMMENT_LENGTH = 10_000;

// Browsers send a textarea's line breaks as CRLF: counted as two characters, a comment the form's
// counter allowed (it counts one) was refused, and stored bodies carried \r into the API.
const unixNewlines = (text: string) => text.replace(/\r\n?/g, "\n");

export const commentBody = pgText()
  .overwrite(unixNewlines)
  .trim()
  .min(1, "Write something before posting.")
  .max(MAX_COMMENT_LENGTH, `Comments are limited to ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`)
  .superRefine((body, ctx) => {
    const problem = body.length <= MAX_COMMENT_LENGTH ? markdownCostProblem(body) : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/**
 * The text an edit started from, sent back with the edit so the server can tell whether the
 * comment changed meanwhile (another tab, another window). Normalised as the body was when stored.
 */
export const commentEditBase = pgText().overwrite(unixNewlines).trim().max(MAX_COMMENT_LENGTH, "That is not the text of a comment.");

/**
 * Where a reply goes: under its parent, unless the parent is already at the deepest level, in which
 * case under the parent's own parent (the deepest allowed), at the same depth as the parent.
 */
export function placeReply(parent: { id: number; parentId: number | null; depth: number }): { parentId: number; depth: number } {
  if (parent.depth + 1 < MAX_COMMENT_DEPTH) return { parentId: parent.id, depth: parent.depth + 1 };
  return { parentId: parent.parentId ?? parent.id, depth: parent.depth };
}
