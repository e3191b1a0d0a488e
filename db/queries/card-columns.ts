import "server-only";
import { papers } from "../schema";

/** The papers columns a paper card shows; every list query (day, search, trending) selects these. */
export const cardColumns = {
  id: papers.id,
  title: papers.title,
  abstract: papers.abstract,
  upvoteCount: papers.upvoteCount,
  commentCount: papers.commentCount,
};
