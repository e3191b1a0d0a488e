import { describe, expect, it } from "vitest";
import { EditPaperInput, reasonSchema } from "./admin-schemas";
import { DisplayName } from "./auth/schemas";
import { commentBody } from "./comment-rules";
import { NUL_MESSAGE, pgText } from "./text-rules";

describe("text PostgreSQL can store", () => {
  it("refuses a NUL character with a clear message, in every free-text field", () => {
    for (const schema of [pgText(), commentBody, DisplayName, reasonSchema]) {
      const result = schema.safeParse("before\u0000after");
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe(NUL_MESSAGE);
    }
    const paper = EditPaperInput.safeParse({ paperId: "2401.12345", title: "A\u0000", abstract: "B", githubRepo: "", projectPage: "" });
    expect(paper.error?.issues.map((i) => i.path[0])).toEqual(["title"]);
  });

  it("keeps every other character, control characters and quotes included", () => {
    expect(commentBody.parse("tab\there; quote ' \" \\ and \u0001")).toBe("tab\there; quote ' \" \\ and \u0001");
  });
});

describe("query parameters with a NUL", () => {
  it("are refused by the API (naming the parameter) and dropped by the search page", async () => {
    const { parseDailyPapersQuery, parseSearchQuery } = await import("./api/params");
    const { searchFormValues } = await import("./search-request");
    expect(parseDailyPapersQuery(new URLSearchParams({ submitter: "a\u0000b" }))).toMatchObject({ ok: false, parameter: "submitter" });
    expect(parseSearchQuery(new URLSearchParams({ q: "a\u0000b" }))).toMatchObject({ ok: false, parameter: "q" });
    expect(searchFormValues({ q: "graph\u0000 networks" }).q).toBe("graph networks");
  });
});
