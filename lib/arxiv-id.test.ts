import { describe, expect, it } from "vitest";
import { arxivIdMonth, parseArxivId } from "./arxiv-id";

describe("parseArxivId", () => {
  it.each([
    ["2401.12345", "2401.12345", null, "new"],
    ["2401.12345v2", "2401.12345", 2, "new"],
    ["0704.0001", "0704.0001", null, "new"], // the first new-style ID
    ["1412.9999v10", "1412.9999", 10, "new"], // last month of four-digit numbers
    ["1501.00001", "1501.00001", null, "new"], // first month of five-digit numbers
    ["arXiv:2401.12345", "2401.12345", null, "new"],
    ["arxiv: 2401.12345v3", "2401.12345", 3, "new"],
    ["  2401.12345  ", "2401.12345", null, "new"],
    ["https://arxiv.org/abs/2401.12345", "2401.12345", null, "new"],
    ["https://arxiv.org/abs/2401.12345v4", "2401.12345", 4, "new"],
    ["http://export.arxiv.org/abs/2401.12345v1", "2401.12345", 1, "new"],
    ["https://arxiv.org/pdf/2401.12345", "2401.12345", null, "new"],
    ["https://arxiv.org/pdf/2401.12345v2.pdf", "2401.12345", 2, "new"],
    ["https://huggingface.co/papers/2401.12345", "2401.12345", null, "new"],
    ["https://arxiv.org/html/2310.06110v1", "2310.06110", 1, "new"], // arXiv's HTML rendering
    ["arxiv.org/pdf/2310.06110", "2310.06110", null, "new"], // copied without its scheme
    ["www.arxiv.org/abs/hep-th/9901001", "hep-th/9901001", null, "old"],
    ["hep-th/9901001", "hep-th/9901001", null, "old"],
    ["hep-th/9901001v2", "hep-th/9901001", 2, "old"],
    ["math.GT/0309136", "math.GT/0309136", null, "old"],
    ["arXiv:cond-mat/0102536", "cond-mat/0102536", null, "old"],
    ["https://arxiv.org/abs/hep-th/9901001v3", "hep-th/9901001", 3, "old"],
    ["https://arxiv.org/pdf/astro-ph/0601001.pdf", "astro-ph/0601001", null, "old"],
  ])("parses %s", (input, id, version, style) => {
    expect(parseArxivId(input)).toEqual({ id, version, style });
  });

  it.each([
    "",
    "junk",
    "2401.123", // too short
    "2401.123456", // too long
    "1501.1234", // four digits after 2014
    "1412.12345", // five digits before 2015
    "0703.0001", // new style before April 2007
    "2413.12345", // month 13
    "2400.12345", // month 00
    "2401.12345v0",
    "2401.12345v",
    "2401.12345v01", // arXiv writes no leading zero
    "2401.12345v99999999999999999999999", // read as 1e+23 once
    "hep-th/9901001v00012",
    "hep-th/0704001", // old style after March 2007
    "hep-th/9013001", // month 13
    "HEP-TH/9901001", // archives are lower case
    "https://example.com/abs/2401.12345", // not arXiv
    "https://arxiv.org/list/cs.LG/recent",
    "javascript:alert(1)",
    "2401.12345; drop table papers",
    "../../etc/passwd",
    "https://arxiv.org/abs/%", // a stray escape: refused, not thrown
  ])("rejects %j", (input) => {
    expect(parseArxivId(input)).toBeNull();
  });
});

describe("arxivIdMonth", () => {
  it("reads the month an identifier was issued", () => {
    expect(arxivIdMonth("2401.12345")).toBe("2024-01");
    expect(arxivIdMonth("0704.0001")).toBe("2007-04");
    expect(arxivIdMonth("hep-th/9901001")).toBe("1999-01");
    expect(arxivIdMonth("math.GT/0309136")).toBe("2003-09");
    expect(arxivIdMonth("nonsense")).toBeNull();
  });
});
