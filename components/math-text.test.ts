import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderMarkdown } from "@/lib/markdown";
import { MathText } from "./math-text";

const render = (text: string) => renderToStaticMarkup(createElement(MathText, { text }));

// Titles and abstracts come from arXiv: KaTeX renders them under the safety options comments
// share, with KaTeX's own expansion limit rather than a comment's tighter one (lib/katex-options.ts).
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

  it("caps sizes a formula asks for", () => {
    // KaTeX's default has no cap: this rule would be drawn 500 em wide.
    const html = render("$\\rule{500em}{1em}$");
    expect(html).toContain("border-right-width:20em");
    expect(html).not.toContain("500em;");
  });

  it("renders a long derivation, which a comment's tighter expansion limit would refuse", () => {
    const derivation = `$${Array.from({ length: 30 }, (_, i) => `a_{${i}}`).join(" \\implies ")}$`;
    expect(render(derivation)).not.toContain("katex-error");
    expect(renderMarkdown(derivation)).toContain("katex-error");
  });
});
