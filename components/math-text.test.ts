import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MathText } from "./math-text";

const render = (text: string) => renderToStaticMarkup(createElement(MathText, { text }));

// Titles and abstracts come from arXiv or from whoever submits a paper: KaTeX renders them under
// the same limits as comments (lib/katex-options.ts).
describe("MathText", () => {
  it("draws math as KaTeX markup beside the escaped prose", () => {
    const html = render("Energy <b>is</b> $E = mc^2$.");
    expect(html).toContain("Energy &lt;b&gt;is&lt;/b&gt; ");
    expect(html).toContain('class="katex"');
    expect(html).toContain("<math");
  });

  it("emits no link for \\href", () => {
    expect(render("$\\href{https://evil.example}{x}$")).not.toMatch(/<a[\s>]|href=/);
  });

  it("refuses a formula that expands macros past the shared limit instead of expanding it", () => {
    // About 240 expansions: under KaTeX's own default of 1,000, over the limit of 200.
    const bomb = "$\\def\\a{aaaaaaaaaa}\\def\\b{\\a\\a\\a\\a\\a\\a\\a\\a\\a\\a}\\def\\c{\\b\\b\\b}\\def\\d{\\c\\c\\c\\c\\c\\c\\c}\\d$";
    const html = render(bomb);
    expect(html).toContain("katex-error");
    expect(html).not.toContain("<mi>a</mi>");
  });
});
