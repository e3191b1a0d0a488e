import { describe, expect, it } from "vitest";
import { countOf } from "./plural";

describe("countOf", () => {
  it("puts the noun in the number the count needs", () => {
    expect(countOf(0, "comment")).toBe("0 comments");
    expect(countOf(1, "comment")).toBe("1 comment");
    expect(countOf(2, "upvote")).toBe("2 upvotes");
    expect(countOf(1, "reply", "replies")).toBe("1 reply");
    expect(countOf(3, "reply", "replies")).toBe("3 replies");
    expect(countOf(12_345, "paper")).toBe("12,345 papers");
  });
});
