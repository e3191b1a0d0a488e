import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { thumbnailSvg, wrapTitle } from "./thumbnail";

describe("thumbnails", () => {
  it("wrap titles on spaces into at most five lines", () => {
    expect(wrapTitle("Attention   is all\nyou need")).toEqual(["Attention is all you need"]);
    const lines = wrapTitle("word ".repeat(60));
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toMatch(/…$/);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
  });

  it("are well-formed SVG with the title escaped", () => {
    const svg = thumbnailSvg({ id: "2401.12345", title: "Fast <b>&</b> furious\u0000" });
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain("<title>Fast &lt;b&gt;&amp;&lt;/b&gt; furious</title>");
    expect(svg).toContain("arXiv:2401.12345");
  });
});
