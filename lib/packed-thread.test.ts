import { describe, expect, it } from "vitest";
import type { ThreadComment } from "@/db/queries/comments";
import { packThread, unpackThread } from "./packed-thread";

const ada = { id: "a1", username: "ada", name: "Ada Lovelace", image: null };
const alan = { id: "b2", username: null, name: "Alan", image: "https://example.org/alan.png" };

const comments: ThreadComment[] = [
  { id: 1, parentId: null, depth: 0, state: "live", upvoteCount: 3, createdAt: new Date("2026-11-01T10:00:00.123Z"), editedAt: null, author: ada },
  { id: 2, parentId: 1, depth: 1, state: "deleted", upvoteCount: 0, createdAt: new Date("2026-11-01T11:00:00Z"), editedAt: null, author: null },
  { id: 3, parentId: 2, depth: 2, state: "live", upvoteCount: 0, createdAt: new Date("2026-11-02T09:30:00Z"), editedAt: new Date("2026-11-02T09:35:00Z"), author: alan },
  { id: 4, parentId: null, depth: 0, state: "live", upvoteCount: 1, createdAt: new Date("2026-11-03T00:00:00Z"), editedAt: null, author: ada },
];
const bodies = { 1: "<p>First</p>", 3: "<p>$x$</p>", 4: "<p>Again</p>" };

describe("packThread / unpackThread", () => {
  it("gives back the same comments and bodies", () => {
    expect(unpackThread(packThread({ comments, bodies }))).toEqual({ comments, bodies });
  });

  it("sends each author once, and nothing for a removed comment's author or body", () => {
    const packed = packThread({ comments, bodies });
    expect(packed.authors).toEqual([ada, alan]);
    expect(packed.comments[1]).toEqual([2, 1, 1, "deleted", 0, comments[1].createdAt.getTime(), null, -1, null]);
  });

  it("survives the trip through JSON, as the page's payload carries it", () => {
    const travelled = JSON.parse(JSON.stringify(packThread({ comments, bodies })));
    expect(unpackThread(travelled)).toEqual({ comments, bodies });
  });
});
