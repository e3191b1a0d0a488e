import { describe, expect, it } from "vitest";
import { mathTextAsPlain, splitMath } from "./math-text";

describe("splitMath", () => {
  it("separates inline and display math from prose", () => {
    expect(splitMath("We bound $O(n \\log n)$ and show $$E = mc^2$$ holds.")).toEqual([
      { kind: "text", value: "We bound " },
      { kind: "math", value: "O(n \\log n)", display: false },
      { kind: "text", value: " and show " },
      { kind: "math", value: "E = mc^2", display: true },
      { kind: "text", value: " holds." },
    ]);
  });

  it("keeps escaped and unmatched dollars as prose", () => {
    expect(splitMath("It costs \\$5 and $x is open")).toEqual([{ kind: "text", value: "It costs $5 and $x is open" }]);
    expect(splitMath("$$ $$")).toEqual([{ kind: "text", value: "$$ $$" }]);
  });

  it("allows escaped dollars inside math", () => {
    expect(splitMath("$a \\$ b$")).toEqual([{ kind: "math", value: "a \\$ b", display: false }]);
  });
});

describe("mathTextAsPlain", () => {
  it("turns the prose's TeX accents into letters and keeps the math as TeX between its dollars", () => {
    expect(mathTextAsPlain(String.raw`Schr\"odinger bridges in $O(n \log n)$ and $$E = mc^2$$ by Erd\H{o}s`)).toBe(
      String.raw`Schrödinger bridges in $O(n \log n)$ and $$E = mc^2$$ by Erdős`,
    );
  });

  it("leaves a TeX accent inside math alone, and prose without math as it was", () => {
    expect(mathTextAsPlain(String.raw`$\"o$ and M\"obius`)).toBe(String.raw`$\"o$ and Möbius`);
    expect(mathTextAsPlain("A plain title")).toBe("A plain title");
  });
});
