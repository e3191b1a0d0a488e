import { describe, expect, it } from "vitest";
import { parsePaperPath } from "./paper-path";

describe("/api/papers/[...id] paths", () => {
  it.each([
    [["2401.12345"], { ok: true, id: "2401.12345", resource: "paper" }],
    [["2401.12345v2"], { ok: true, id: "2401.12345", resource: "paper" }],
    [["hep-th", "9901001"], { ok: true, id: "hep-th/9901001", resource: "paper" }],
    [["2401.12345", "comments"], { ok: true, id: "2401.12345", resource: "comments" }],
    [["hep-th", "9901001", "comments"], { ok: true, id: "hep-th/9901001", resource: "comments" }],
    [["math.GT", "0309136", "thumbnail.svg"], { ok: true, id: "math.GT/0309136", resource: "thumbnail" }],
  ])("%j", (segments, expected) => {
    expect(parsePaperPath(segments)).toEqual(expected);
  });

  it("refuses what is not an arXiv identifier", () => {
    expect(parsePaperPath(["comments"])).toEqual({ ok: false, raw: "" });
    expect(parsePaperPath(["not-an-id"])).toEqual({ ok: false, raw: "not-an-id" });
    expect(parsePaperPath(["2401.12345", "votes"])).toEqual({ ok: false, raw: "2401.12345/votes" });
  });
});
