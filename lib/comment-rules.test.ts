import { describe, expect, it } from "vitest";
import { commentBody, MAX_COMMENT_LENGTH } from "./comment-rules";

describe("a comment's body", () => {
  it("counts a line break as one character, as the form's counter does, and stores it as \\n", () => {
    // What a browser posts from a textarea: CRLF line breaks. 100 lines of 99 characters.
    const lines = Array.from({ length: 100 }, () => "x".repeat(99));
    const posted = lines.join("\r\n");
    expect(lines.join("\n").length).toBeLessThanOrEqual(MAX_COMMENT_LENGTH);
    expect(posted.length).toBeGreaterThan(MAX_COMMENT_LENGTH);
    expect(commentBody.parse(posted)).toBe(lines.join("\n"));
    expect(commentBody.parse("old Mac\rline")).toBe("old Mac\nline");
  });
});
