import { describe, expect, it } from "vitest";
import { SubmitInput } from "./schema";

describe("SubmitInput", () => {
  it.each([
    ["2401.12345", "2401.12345", null],
    ["2401.12345v3", "2401.12345", 3],
    ["arXiv:2401.12345", "2401.12345", null],
    ["https://arxiv.org/abs/2401.12345v2", "2401.12345", 2],
    ["https://arxiv.org/pdf/2401.12345.pdf", "2401.12345", null],
    ["  hep-th/9901001 ", "hep-th/9901001", null],
  ])("normalises %j", (arxiv, id, version) => {
    expect(SubmitInput.parse({ arxiv })).toEqual({ arxiv: { id, version, style: id.includes("/") ? "old" : "new" } });
  });

  it.each([
    ["", "Paste an arXiv ID or link."],
    ["my favourite paper", "That is not an arXiv ID or link"],
    ["https://example.com/abs/2401.12345", "That is not an arXiv ID or link"],
  ])("refuses %j with a clear message", (arxiv, message) => {
    const result = SubmitInput.safeParse({ arxiv });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toContain(message);
  });
});
