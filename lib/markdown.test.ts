import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

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
    // (KaTeX may echo refused TeX such as \\href{javascript:…} back as visible text; text is inert.)
    expect(html).not.toMatch(/<(script|iframe|svg|form|object|embed|style)\b/i);
    expect(html).not.toMatch(/<[^>]+\son\w+\s*=/i);
    expect(html).not.toMatch(/style="[^"]*(url\(|expression)/i);
    expect(html).not.toMatch(/<[^>]+\s(href|src|action|xlink:href|formaction)\s*=\s*"(?!https?:|mailto:|#)/i);
  });
});
