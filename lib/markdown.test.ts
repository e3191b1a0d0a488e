import { describe, expect, it } from "vitest";
import { commentAnchorPrefix, renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders Markdown, code blocks and links", () => {
    const html = renderMarkdown("**bold** and `code`\n\n```python\nprint(1)\n```\n\n[paper](https://arxiv.org/abs/2401.12345)");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain('<code class="language-python">print(1)\n</code>');
    expect(html).toContain('<a href="https://arxiv.org/abs/2401.12345" rel="nofollow ugc noopener noreferrer">paper</a>');
  });

  it("renders inline and display math with KaTeX", () => {
    const html = renderMarkdown("Inline $a^2 + b^2 = c^2$ and\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$");
    expect(html).toMatch(/<span class="katex">/);
    expect(html).toMatch(/<span class="katex-display">/);
    expect(html).not.toContain("$$");
  });

  it("links footnotes to their notes and back, with ids unique to the comment", () => {
    const html = renderMarkdown("A claim[^1].\n\n[^1]: The source.", { anchorPrefix: commentAnchorPrefix(42) });
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    const targets = [...html.matchAll(/\shref="#([^"]+)"/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThanOrEqual(2); // to the note, and back
    for (const target of targets) expect(ids).toContain(target);
    for (const id of ids) expect(id.startsWith("comment-42-")).toBe(true);
    // Labelled by a paragraph: a heading inside a comment would break the page's outline.
    expect(html).toContain('<p id="comment-42-footnote-label">Footnotes</p>');
    expect(html).not.toMatch(/<h[1-6]/);
    // Links to anchors elsewhere on the page stay as written.
    expect(renderMarkdown("See [Carol](#comment-7) and [the thread](#discussion).", { anchorPrefix: commentAnchorPrefix(42) })).toContain('href="#comment-7"');
    // Another comment's footnote 1 gets other ids.
    expect(renderMarkdown("B[^1].\n\n[^1]: Other.", { anchorPrefix: commentAnchorPrefix(43) })).not.toContain('id="comment-42-');
  });

  it("reads single dollars as Pandoc does: prices stay text, formulas stay math", () => {
    const isMath = (source: string) => renderMarkdown(source).includes('class="katex"');
    expect(renderMarkdown("It costs $5 and $10 per hour.")).toBe("<p>It costs $5 and $10 per hour.</p>");
    expect(isMath("$ x $ with spaces inside")).toBe(false);
    expect(isMath("$x$10: a digit right after the closing dollar")).toBe(false);
    expect(renderMarkdown("Price \\$5 and \\$10.")).toBe("<p>Price $5 and $10.</p>");
    for (const formula of ["Let $x$ and $y^2$ be given.", "$\\alpha$-stable", "Inline $$a+b$$ doubled", "($n=10$)"]) expect(isMath(formula), formula).toBe(true);
    // Markdown between two prices is still Markdown; a quote's markers are not shown.
    expect(renderMarkdown("$5 **and** $10")).toBe("<p>$5 <strong>and</strong> $10</p>");
    expect(renderMarkdown("> It costs $5 and\n> $10 today")).toBe("<blockquote>\n<p>It costs $5 and\n$10 today</p>\n</blockquote>");
    // As in Pandoc, the dollar that could not close a price can open a formula after it.
    const mixed = renderMarkdown("A $5 fee and $x$ in general");
    expect(mixed.startsWith("<p>A $5 fee and <span class=\"katex\">")).toBe(true);
    // Code is code: dollars there are never touched.
    expect(renderMarkdown("`$5 and $10`")).toBe("<p><code>$5 and $10</code></p>");
  });

  it("puts a comment's own headings below the page's (h1 title, h2 discussion)", () => {
    const html = renderMarkdown("# Big claim\n\n## Evidence\n\n### Detail\n\n###### Fine print");
    expect([...html.matchAll(/<(h[1-6])>([^<]+)</g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(["h3 Big claim", "h4 Evidence", "h5 Detail", "h6 Fine print"]);
  });

  it("shows raw HTML as the text that was written, and renders the rest", () => {
    const html = renderMarkdown("<script>alert(1)</script> see [the paper](https://arxiv.org/abs/2401.12345)\n\nInline <b>bold</b> tag.");
    expect(html).toContain("&#x3C;script>alert(1)&#x3C;/script>");
    expect(html).toContain("Inline &#x3C;b>bold&#x3C;/b> tag.");
    expect(html).not.toMatch(/<script|<b>/);
  });

  it("turns images into links, so opening a discussion loads nothing from other servers", () => {
    const html = renderMarkdown("See ![the figure](https://tracker.example/pixel.gif) and ![](https://example.org/a.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain('<a href="https://tracker.example/pixel.gif" rel="nofollow ugc noopener noreferrer">[image: the figure]</a>');
    expect(html).toContain('<a href="https://example.org/a.png" rel="nofollow ugc noopener noreferrer">[image: untitled]</a>');
  });

  it("gives feeds math as MathML alone (no stylesheet there for KaTeX's HTML)", () => {
    const html = renderMarkdown("$a^2$", { mathOutput: "mathml" });
    expect(html).toContain("<math");
    expect(html).not.toContain("katex-html");
    expect(renderMarkdown("$a^2$")).toContain("katex-html");
  });

  // A payload list in the spirit of OWASP's XSS filter evasion cheat sheet.
  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)"><circle r="10"/></svg>',
    "<svg><script>alert(1)</script></svg>",
    '<a href="javascript:alert(1)">x</a>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<iframe src="https://evil.example"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    "<details open ontoggle=alert(1)>",
    "$\\href{javascript:alert(1)}{x}$",
    "$\\url{javascript:alert(1)}$",
    "$\\htmlId{x}{y}$",
    '<form action="javascript:alert(1)"><button>x</button></form>',
    "[x](&#106;avascript:alert(1))",
    "<a href=\"&#x6A;avascript:alert(1)\">x</a>",
  ];

  it.each(payloads)("renders %j inert", (payload) => {
    const html = renderMarkdown(payload);
    // No dangerous elements, no event-handler attributes, no link or source that is not http(s)/mailto.
    // (Raw HTML comes back as escaped text, which is inert: only real tags are looked at.)
    // (KaTeX may echo refused TeX such as \\href{javascript:…} back as visible text; text is inert.)
    expect(html).not.toMatch(/<(script|iframe|svg|form|object|embed|style)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/<[^>]+\sstyle="[^"]*(url\(|expression)/i);
    expect(html).not.toMatch(/<[^>]+\s(href|src|action|xlink:href|formaction)\s*=\s*"(?!https?:|mailto:|#)/i);
  });
});
