import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MARK_START as S, MARK_STOP as E } from "@/lib/highlight";
import { HighlightedText } from "./highlighted-text";

const render = (headline: string) => renderToStaticMarkup(createElement(HighlightedText, { headline }));

describe("HighlightedText", () => {
  it("wraps matches in <mark> and escapes every character from the database", () => {
    const html = render(`${S}Attack${E} <script>alert("x")</script> & <img src=x onerror=alert(1)>`);
    expect(html).toBe(
      '<mark class="rounded-sm bg-amber-200 px-0.5 text-zinc-950 dark:bg-amber-300">Attack</mark>' +
        " &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;",
    );
    expect(html).not.toMatch(/<script|<img/);
  });

  it("escapes text inside a match too", () => {
    expect(render(`${S}<b>bold</b>${E}`)).toContain(">&lt;b&gt;bold&lt;/b&gt;</mark>");
  });

  it("renders math with KaTeX", () => {
    expect(render("about $x^2$")).toContain('class="katex"');
  });
});
