import { describe, expect, it } from "vitest";
import { parseCommentSort } from "./comment-sort";

describe("parseCommentSort", () => {
  it("accepts best and new", () => {
    expect(parseCommentSort("best")).toBe("best");
    expect(parseCommentSort("new")).toBe("new");
  });

  it("falls back to best for anything else", () => {
    expect(parseCommentSort(undefined)).toBe("best");
    expect(parseCommentSort("top")).toBe("best");
    expect(parseCommentSort(["new", "best"])).toBe("best");
  });
});
