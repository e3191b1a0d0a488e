import { describe, expect, it } from "vitest";
import { placeReply, MAX_COMMENT_DEPTH } from "./comment-rules";
import { canDeleteComment, canEditComment, canFlagComment, canReplyTo, canVoteOnComment, type Actor } from "./permissions";

const alice: Actor = { id: "alice", role: "user", bannedAt: null };
const bob: Actor = { id: "bob", role: "user", bannedAt: null };
const posted = new Date("2025-01-01T09:00:00Z");
const comment = { authorId: "alice", createdAt: posted, deletedAt: null, hiddenAt: null };
const minutesLater = (m: number) => new Date(posted.getTime() + m * 60_000);

describe("comment permissions", () => {
  it("lets the author edit within the hour, and nobody else", () => {
    expect(canEditComment(alice, comment, minutesLater(59))).toBe(true);
    expect(canEditComment(alice, comment, minutesLater(61))).toBe(false);
    expect(canEditComment(bob, comment, minutesLater(1))).toBe(false);
    expect(canEditComment(null, comment, minutesLater(1))).toBe(false);
  });

  it("refuses banned authors and deleted comments", () => {
    expect(canEditComment({ ...alice, bannedAt: posted }, comment, minutesLater(1))).toBe(false);
    expect(canEditComment(alice, { ...comment, deletedAt: posted }, minutesLater(1))).toBe(false);
    expect(canDeleteComment(alice, comment)).toBe(true);
    expect(canDeleteComment(bob, comment)).toBe(false);
    expect(canDeleteComment(alice, { ...comment, deletedAt: posted })).toBe(false);
  });

  it("lets active readers reply to live comments only", () => {
    expect(canReplyTo(bob, comment)).toBe(true);
    expect(canReplyTo(bob, { ...comment, deletedAt: posted })).toBe(false);
    expect(canReplyTo({ ...bob, bannedAt: posted }, comment)).toBe(false);
  });
});

describe("comment votes", () => {
  it("are for other readers' comments, by active readers", () => {
    const author = { id: "a", role: "user" as const, bannedAt: null };
    const other = { id: "b", role: "user" as const, bannedAt: null };
    expect(canVoteOnComment(other, { authorId: "a" })).toBe(true);
    expect(canVoteOnComment(author, { authorId: "a" })).toBe(false);
    expect(canVoteOnComment({ ...other, bannedAt: new Date() }, { authorId: "a" })).toBe(false);
    expect(canVoteOnComment(null, { authorId: "a" })).toBe(false);
  });

  it("lets an active reader flag others' live comments only", () => {
    const author = { id: "a", role: "user" as const, bannedAt: null };
    const other = { id: "b", role: "user" as const, bannedAt: null };
    const live = { authorId: "a", deletedAt: null, hiddenAt: null };
    expect(canFlagComment(other, live)).toBe(true);
    expect(canFlagComment(author, live)).toBe(false);
    expect(canFlagComment({ ...other, bannedAt: new Date() }, live)).toBe(false);
    expect(canFlagComment(null, live)).toBe(false);
    expect(canFlagComment(other, { ...live, hiddenAt: new Date() })).toBe(false);
    expect(canFlagComment(other, { ...live, deletedAt: new Date() })).toBe(false);
  });
});

describe("placeReply", () => {
  it("nests under the parent until the depth cap, then beside it", () => {
    expect(placeReply({ id: 1, parentId: null, depth: 0 })).toEqual({ parentId: 1, depth: 1 });
    expect(placeReply({ id: 7, parentId: 6, depth: MAX_COMMENT_DEPTH - 2 })).toEqual({ parentId: 7, depth: MAX_COMMENT_DEPTH - 1 });
    expect(placeReply({ id: 8, parentId: 7, depth: MAX_COMMENT_DEPTH - 1 })).toEqual({ parentId: 7, depth: MAX_COMMENT_DEPTH - 1 });
  });
});
