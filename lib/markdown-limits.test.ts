import { describe, expect, it } from "vitest";
import { commentBody } from "./comment-rules";
import { renderMarkdown } from "./markdown";
import { markdownCostProblem, MAX_DELIMITER_RUN, MAX_NESTING, MAX_TABLE_CELLS } from "./markdown-limits";

// Comments under 10,000 characters that took the server down (measured before these limits):
// each is refused at posting, and renders as its plain text if it was stored before.
const costly: Record<string, string> = {
  "quotes 10,000 deep (stack overflow: 500 on the page, profile and feed)": ">".repeat(10_000),
  "lists 5,000 deep (14.6 s of parsing, then a stack overflow)": "- ".repeat(4_999) + "x",
  "emphasis 5,000 deep": "*".repeat(4_999) + "a" + "*".repeat(4_999),
  "emphasis nested by mixed delimiters": "*_".repeat(2_000) + "a" + "_*".repeat(2_000),
  "a 1,000-column table padded over 3,000 rows (3 million cells, 30 MB of HTML)": "|" + "a|".repeat(1_000) + "\n|" + "-|".repeat(1_000) + "\n" + "x\n".repeat(2_990),
};

describe("Markdown too costly to render", () => {
  it.each(Object.entries(costly))("refuses %s at posting, with the reason", (_name, body) => {
    expect(body.length).toBeLessThanOrEqual(10_000);
    const result = commentBody.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toBe(markdownCostProblem(body));
  });

  it.each(Object.entries(costly))("renders %s as its plain text, at once", (_name, body) => {
    const started = performance.now();
    const html = renderMarkdown(body);
    expect(performance.now() - started).toBeLessThan(1_000); // generous: it is one linear pass
    expect(html.startsWith('<p class="comment-plain-text">')).toBe(true);
    expect(html.length).toBeLessThan(body.length * 2);
  });

  it("allows what discussions use: nested quotes and lists, dividers, tables of data", () => {
    const fine = [
      "> > quoting a quote\n\n- a\n  - nested\n    1. three deep",
      "Above\n\n" + "*".repeat(60) + "\n\nBelow, and ___ emphasis ___ and ~~struck~~",
      "| x | y |\n|---|--:|\n" + "| 1 | 2 |\n".repeat(500),
      "A sentence with a - dash, 3.14, and 1) a numbered aside.",
    ];
    for (const body of fine) {
      expect(markdownCostProblem(body), body.slice(0, 40)).toBeNull();
      expect(commentBody.safeParse(body).success).toBe(true);
    }
  });

  it("draws each line where the README says: 16 deep, runs of 32, 2,000 cells", () => {
    expect([MAX_NESTING, MAX_DELIMITER_RUN, MAX_TABLE_CELLS]).toEqual([16, 32, 2_000]);
    const table = (columns: number, dataRows: number) =>
      "|" + "h|".repeat(columns) + "\n|" + "-|".repeat(columns) + "\n" + ("|" + "1|".repeat(columns) + "\n").repeat(dataRows);
    const atAndPast: [string, string, string, RegExp][] = [
      ["quotes", ">".repeat(16) + " deep enough", ">".repeat(17) + " too deep", /nest 16 deep at most/],
      ["lists and quotes mixed", "- > ".repeat(8) + "x", "- > ".repeat(8) + "- x", /nest 16 deep at most/],
      ["emphasis", "a" + "*".repeat(32) + "b", "a" + "*".repeat(33) + "b", /more than 32 \*, _ or ~/],
      // 10 columns: the delimiter row and its data rows count 200 and 201 rows' worth of cells.
      ["tables", table(10, 199), table(10, 200), /limited to 2,000 cells/],
    ];
    for (const [what, atLimit, pastLimit, reason] of atAndPast) {
      expect(markdownCostProblem(atLimit), what).toBeNull();
      expect(markdownCostProblem(pastLimit), what).toMatch(reason);
      expect(commentBody.safeParse(pastLimit).error?.issues[0].message, what).toMatch(reason);
    }
  });
});
