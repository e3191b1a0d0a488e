/**
 * The id of a paper page's discussion section (components/comments/discussion-thread.tsx): feeds
 * and sign-in links point at `#discussion`, so they must agree with the page on it.
 */
export const DISCUSSION_ANCHOR = "discussion";

/** Its heading ("Discussion (12)"), where focus goes after a comment is deleted. */
export const DISCUSSION_HEADING_ID = "discussion-heading";
