import { describe, expect, it } from "vitest";
import { confirmationMessage } from "./confirmation-message";
import { digestMessage } from "./digest-message";
import { escapeHtml } from "./escape-html";
import { parsePeriodKey } from "./periods";

const paper = (id: string, title: string) => ({ id, title, authors: ["A. Author"], authorCount: 1, upvoteCount: 1, commentCount: 2 });

describe("digest mails", () => {
  it("escape titles and links in HTML but keep the text part plain", () => {
    const message = digestMessage({
      period: parsePeriodKey("weekly:2025-W07")!,
      papers: [paper("2502.00001", `<img src=x onerror="alert(1)"> & 'quotes'`)],
      siteUrl: "https://paperboard.example",
      unsubscribeUrl: `https://paperboard.example/unsubscribe?token=a"b`,
    });
    expect(message.html).not.toMatch(/<img/);
    // Phones' mail apps lay a page without a viewport out 980 px wide, in tiny type.
    expect(message.html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(message.html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;quotes&#39;");
    expect(message.html).toContain('href="https://paperboard.example/unsubscribe?token=a&quot;b"');
    expect(message.text).toContain(`1. <img src=x onerror="alert(1)"> & 'quotes'`);
    expect(message.text).toContain("A. Author · 1 upvote · 2 comments");
    expect(message.text).toContain("The full list: https://paperboard.example/papers/week/2025-W07");
    expect(message.subject).toBe("Trending on Paperboard: the week of 10 Feb 2025 to 16 Feb 2025");
  });

  it("ask for confirmation without saying whether the address is known", () => {
    const message = confirmationMessage({ frequency: "weekly", url: "https://p.example/subscribe/confirm?token=x&y" });
    expect(message.text).toContain("https://p.example/subscribe/confirm?token=x&y");
    expect(message.html).toContain('href="https://p.example/subscribe/confirm?token=x&amp;y"');
    expect(message.text).toMatch(/48 hours/);
    expect(message.text).not.toMatch(/already/i);
  });

  it("escape every character that matters in HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });
});
