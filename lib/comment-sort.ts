import { z } from "zod";
import type { CommentSort } from "./comment-tree";

/** `?sort=` on a paper page. Anything but a single "new" (missing, repeated, misspelt) means best. */
const commentSortParam = z.enum(["best", "new"]).catch("best");

export function parseCommentSort(value: unknown): CommentSort {
  return commentSortParam.parse(value);
}
