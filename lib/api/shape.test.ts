import { describe, expect, it } from "vitest";
import { ApiComment, ApiDailyPaper, ApiPaper, ApiSearchResult } from "./schemas";
import { toApiComments, toApiPaper, toApiUser, toDailyPaper, toSearchResult, type CommentRowInput, type ListedPaperRow } from "./shape";

const alice = { id: "u-alice", username: "alice", name: "Alice Liddell", image: null };

const row: ListedPaperRow = {
  id: "hep-th/9901001",
  title: "Strings <and> things",
  abstract: "We study strings.",
  publishedAt: new Date("1999-01-04T00:00:00Z"),
  githubRepo: "https://github.com/example/strings",
  projectPage: null,
  upvoteCount: 7,
  commentCount: 2,
  authors: ["Ada Lovelace", "Alan Turing"],
  listing: { submittedAt: new Date("2025-02-14T08:30:00Z"), submitter: alice },
};

describe("daily paper items", () => {
  const item = toDailyPaper(row, "https://paperboard.example");

  it("have every field of Hugging Face's shape", () => {
    expect(ApiDailyPaper.parse(item)).toEqual(item);
    expect(item).toMatchObject({
      title: row.title,
      summary: row.abstract,
      numComments: 2,
      isAuthorParticipating: false,
      thumbnail: "https://paperboard.example/api/papers/hep-th/9901001/thumbnail.svg",
      submittedBy: { _id: "u-alice", name: "alice", fullname: "Alice Liddell", type: "user", isPro: false },
    });
  });

  it("keep the two publishedAt apart: the listing at the top, arXiv's in paper", () => {
    expect(item.publishedAt).toBe("2025-02-14T08:30:00.000Z");
    expect(item.paper.publishedAt).toBe("1999-01-04T00:00:00.000Z");
    expect(item.paper.submittedOnDailyAt).toBe("2025-02-14T08:30:00.000Z");
    expect(item.paper.submittedOnDailyBy).toEqual(item.submittedBy);
  });

  it("give authors stable ids and leave out links the paper lacks", () => {
    expect(item.paper.authors).toEqual([
      { _id: "hep-th/9901001#0", name: "Ada Lovelace", hidden: false },
      { _id: "hep-th/9901001#1", name: "Alan Turing", hidden: false },
    ]);
    expect(item.paper.githubRepo).toBe(row.githubRepo);
    expect(item.paper).not.toHaveProperty("projectPage");
    expect(item.paper.discussionId).toBe(row.id);
  });

  it("say null for a submitter whose account is gone", () => {
    const orphan = toDailyPaper({ ...row, listing: { ...row.listing, submitter: null } }, "https://paperboard.example");
    expect(orphan.submittedBy).toBeNull();
    expect(orphan.paper).not.toHaveProperty("submittedOnDailyBy");
  });
});

describe("papers and search results", () => {
  it("describe a paper never listed without listing fields", () => {
    const paper = toApiPaper({ ...row, publishedAt: null, listing: null });
    expect(ApiPaper.parse(paper)).toEqual(paper);
    expect(paper.publishedAt).toBeNull();
    expect(paper).not.toHaveProperty("submittedOnDailyAt");
  });

  it("wrap the paper with its comment count", () => {
    const result = toSearchResult(row);
    expect(ApiSearchResult.parse(result)).toEqual(result);
    expect(result).toEqual({ paper: toApiPaper(row), numComments: 2, isAuthorParticipating: false });
  });
});

describe("users", () => {
  it("use the account's image, else a generated initials avatar", () => {
    expect(toApiUser({ ...alice, image: "https://avatars.example/alice.png" }).avatarUrl).toBe("https://avatars.example/alice.png");
    const generated = toApiUser(alice).avatarUrl;
    expect(generated).toMatch(/^data:image\/svg\+xml,/);
    expect(decodeURIComponent(generated)).toContain(">AL</text>");
  });

  it("fall back to the id and the username when names are missing", () => {
    expect(toApiUser({ id: "u-1", username: null, name: null, image: null })).toMatchObject({ _id: "u-1", name: "u-1", fullname: "u-1" });
  });
});

describe("comments", () => {
  const base = { depth: 0, upvoteCount: 1, createdAt: new Date("2025-02-14T09:00:00Z"), editedAt: null, parentId: null };
  const rows: CommentRowInput[] = [
    { ...base, id: 1, body: "First!", state: "live", author: alice },
    { ...base, id: 2, parentId: 1, depth: 1, body: null, state: "deleted", author: null },
    { ...base, id: 3, parentId: 2, depth: 2, body: "secret words", state: "hidden", author: alice, editedAt: new Date() },
  ];
  const comments = toApiComments(rows);

  it("stay flat with string ids and parent ids", () => {
    expect(comments.map((c) => [c.id, c.parentId, c.depth])).toEqual([
      ["1", null, 0],
      ["2", "1", 1],
      ["3", "2", 2],
    ]);
    for (const comment of comments) expect(ApiComment.parse(comment)).toEqual(comment);
  });

  it("leave out the words and the author of deleted and hidden comments", () => {
    expect(comments[0]).toMatchObject({ body: "First!", author: { name: "alice" }, state: "live" });
    for (const removed of comments.slice(1)) {
      expect(removed).not.toHaveProperty("body");
      expect(removed.author).toBeNull();
      expect(removed.editedAt).toBeNull();
    }
    expect(JSON.stringify(comments)).not.toContain("secret words");
  });
});
