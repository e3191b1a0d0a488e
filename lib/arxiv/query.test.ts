import { describe, expect, it } from "vitest";
import { CATEGORY_PATTERN, DEFAULT_CATEGORIES, submittedOnQuery } from "./query";

describe("submittedOnQuery", () => {
  it("asks for one day in UTC, to the minute", () => {
    expect(submittedOnQuery({ day: "2024-01-15", categories: ["cs.LG"] })).toBe(
      "cat:cs.LG AND submittedDate:[202401150000 TO 202401152359]",
    );
  });

  it("groups several categories so AND binds to all of them", () => {
    expect(submittedOnQuery({ day: "2024-01-23", categories: DEFAULT_CATEGORIES })).toBe(
      "(cat:cs.LG OR cat:cs.CL OR cat:cs.CV OR cat:cs.AI OR cat:stat.ML) AND submittedDate:[202401230000 TO 202401232359]",
    );
  });

  it("refuses anything that is not a category, so nothing can widen the query", () => {
    expect(() => submittedOnQuery({ day: "2024-01-23", categories: ["cs.LG OR all:electron"] })).toThrow(/category/);
    expect(() => submittedOnQuery({ day: "2024-01-23", categories: [] })).toThrow(/at least one/);
  });
});

describe("CATEGORY_PATTERN", () => {
  it("accepts arXiv's category shapes", () => {
    for (const category of ["cs.LG", "stat.ML", "hep-th", "math-ph", "q-bio.NC", "cond-mat.mes-hall", "physics.chem-ph"]) {
      expect([category, CATEGORY_PATTERN.test(category)]).toEqual([category, true]);
    }
  });

  it("refuses text that could change the query", () => {
    for (const text of ["", "CS.LG", "cs.LG)", "cs.LG AND", "cat:cs.LG", "cs..LG", "-cs.LG"]) {
      expect([text, CATEGORY_PATTERN.test(text)]).toEqual([text, false]);
    }
  });
});
