import { parseFeed } from "@rowanmanning/feed-parser";
import { XMLValidator } from "fast-xml-parser";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import type { CommentRowInput, ListedPaperRow } from "../api/shape";
import { renderFeedComment } from "../markdown";
import { buildAtom } from "./atom";
import { commentsFeed, dailyFeed, trendingFeed } from "./paper-feeds";
import { buildRss } from "./rss";

const ORIGIN = "https://paperboard.example";
const NASTY = `<script>alert("x")</script> & co &lt;b&gt; &nbsp;`;

const paper = (id: string, minute: number, title = `Paper ${id}`): ListedPaperRow => ({
  id,
  title,
  abstract: `Abstract of ${id}.\n\nWith x < y and a second paragraph.`,
  publishedAt: new Date("2025-02-10T00:00:00Z"),
  githubRepo: null,
  projectPage: null,
  upvoteCount: 3,
  commentCount: 0,
  authors: ["Ada Lovelace", "Alan Turing"],
  listing: { submittedAt: new Date(Date.parse("2025-02-14T08:00:00Z") + minute * 60_000), submitter: null },
});

const rows = [paper("2502.00001", 5, NASTY), paper("hep-th/9901001", 1)];

/** Well-formed, namespace-correct XML, by a strict parser that stops at the first error. */
function expectStrictXml(xml: string) {
  textsOf(xml, "");
  expect(XMLValidator.validate(xml)).toBe(true);
}

/**
 * The exact text of every element with this name, as a strict XML parser (saxes) decodes it. The
 * feed parser is lenient and decodes HTML entities a second time, so exact escaping is read here.
 */
function textsOf(xml: string, name: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const texts: string[] = [];
  const open: string[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("opentag", (tag) => open.push(tag.name === name ? "" : "\0"));
  parser.on("text", (text) => {
    if (open.at(-1) !== "\0" && open.length > 0) open[open.length - 1] += text;
  });
  parser.on("closetag", (tag) => {
    const text = open.pop();
    if (tag.name === name && text !== undefined) texts.push(text);
  });
  parser.write(xml).close();
  return texts;
}

describe.each([
  ["RSS 2.0", buildRss, /^<rss version="2.0"/m],
  ["Atom", buildAtom, /^<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/m],
])("the daily feed as %s", (_name, build, root) => {
  const xml = build(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows, latest: false }));
  const feed = parseFeed(xml);

  it("is strict, well-formed XML of the right kind", () => {
    expectStrictXml(xml);
    expect(xml).toMatch(root);
  });

  it("lists the day's papers in order, with stable guids and absolute links", () => {
    expect(feed.title).toBe("Paperboard — papers of Friday, 14 February 2025");
    expect(feed.url).toBe(`${ORIGIN}/papers/date/2025-02-14`);
    expect(feed.items.map((i) => i.id)).toEqual(["paperboard:paper:2502.00001:2025-02-14", "paperboard:paper:hep-th/9901001:2025-02-14"]);
    expect(feed.items.map((i) => i.url)).toEqual([`${ORIGIN}/papers/2502.00001`, `${ORIGIN}/papers/hep-th/9901001`]);
    expect(feed.items[1].published).toEqual(new Date("2025-02-14T08:01:00Z"));
    expect(feed.items[1].authors.map((a) => a.name).join(", ")).toContain("Ada Lovelace");
  });

  it("links each paper's comments to the discussion section of its page", () => {
    // The section's id, as the paper page renders it (e2e/discussion.spec.ts finds it by "#discussion").
    expect(xml).toContain(`${ORIGIN}/papers/2502.00001#discussion`);
    expect(xml).not.toContain("#comments");
  });

  it("escapes a title full of markup instead of passing it through", () => {
    expect(textsOf(xml, "title")[1]).toBe(NASTY);
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("&lt;script&gt;");
  });
});

describe("RSS specifics", () => {
  const xml = buildRss(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows, latest: true }));

  it("marks guids as not being URLs and points to itself", () => {
    expect(xml).toContain('<guid isPermaLink="false">paperboard:paper:2502.00001:2025-02-14</guid>');
    expect(xml).toContain(`<atom:link href="${ORIGIN}/feed.xml" rel="self" type="application/rss+xml"/>`);
    expect(xml).toContain(`<link>${ORIGIN}/</link>`);
  });

  it("writes RFC 822 dates", () => {
    const dates = [...xml.matchAll(/<(?:pubDate|lastBuildDate)>([^<]+)</g)].map((m) => m[1]);
    expect(dates.length).toBe(3);
    for (const date of dates) expect(date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/);
    expect(xml).toContain("<lastBuildDate>Fri, 14 Feb 2025 08:05:00 GMT</lastBuildDate>");
  });

  it("carries the abstract as escaped HTML paragraphs", () => {
    expect(textsOf(xml, "description")[2]).toBe("<div><p>Abstract of hep-th/9901001.</p><p>With x &lt; y and a second paragraph.</p></div>");
  });
});

describe("Atom specifics", () => {
  const xml = buildAtom(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows, latest: true }));

  it("has an id, a self link and RFC 3339 dates", () => {
    expect(xml).toContain("<id>paperboard:feed:daily</id>");
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${ORIGIN}/feed.atom"/>`);
    const dates = [...xml.matchAll(/<(?:updated|published)>([^<]+)</g)].map((m) => m[1]);
    expect(dates.length).toBe(5);
    for (const date of dates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
  });

  it("gives every entry a text summary and HTML content", () => {
    expect(textsOf(xml, "summary")[1]).toBe("Abstract of hep-th/9901001.\n\nWith x < y and a second paragraph.");
    expect(textsOf(xml, "content")[1]).toBe("<div><p>Abstract of hep-th/9901001.</p><p>With x &lt; y and a second paragraph.</p></div>");
  });
});

describe("TeX in a paper's title and abstract", () => {
  const tex = {
    ...paper("2502.00003", 7, String.raw`Schr\"odinger bridges for $\mathcal{O}(n)$ samplers`),
    abstract: String.raw`We study M\"obius flows with $x < y$ and $$\sum_i a_i$$.` + "\n\nA second paragraph.",
  };
  const rss = buildRss(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows: [tex], latest: false }));
  const atom = buildAtom(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows: [tex], latest: false }));

  it("gives titles and text summaries the accents as letters and the math as TeX", () => {
    expect(textsOf(rss, "title")[1]).toBe(String.raw`Schrödinger bridges for $\mathcal{O}(n)$ samplers`);
    expect(textsOf(atom, "summary")[0]).toBe(String.raw`We study Möbius flows with $x < y$ and $$\sum_i a_i$$.` + "\n\nA second paragraph.");
  });

  it("gives the HTML abstract its math as MathML, inline and display, with the prose escaped", () => {
    const html = textsOf(atom, "content")[0];
    expect(html).toMatch(/^<div><p>We study Möbius flows with <span class="katex"><math xmlns="http:\/\/www.w3.org\/1998\/Math\/MathML">/);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toContain("<mo>&lt;</mo>");
    expect(html).toContain('<annotation encoding="application/x-tex">x &lt; y</annotation>');
    expect(html).not.toContain("katex-html"); // no unstyled second rendering for a reader without KaTeX's CSS
    expect(html).toMatch(/<\/p><p>A second paragraph\.<\/p><\/div>$/);
    expectStrictXml(atom);
    expectStrictXml(rss);
  });

  it("escapes markup in the prose around the math", () => {
    const nasty = buildAtom(dailyFeed({ origin: ORIGIN, day: "2025-02-14", rows: [{ ...tex, abstract: `<img src=x onerror=alert(1)> and $a$` }], latest: false }));
    const html = textsOf(nasty, "content")[0];
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt; and <span class=\"katex\">");
    expect(html).not.toContain("<img");
  });
});

describe("the trending feed", () => {
  it("keeps one guid per paper, whatever the day", () => {
    const feed = parseFeed(buildRss(trendingFeed({ origin: ORIGIN, rows, now: new Date("2025-02-15T00:00:00Z") })));
    expect(feed.items.map((i) => i.id)).toEqual(["paperboard:paper:2502.00001", "paperboard:paper:hep-th/9901001"]);
    expect(feed.self).toBe(`${ORIGIN}/trending/feed.xml`);
    expect(feed.url).toBe(`${ORIGIN}/trending`); // the page it mirrors, not the home page
  });
});

describe("a paper's comments feed", () => {
  const author = { id: "u1", username: "alice", name: "Alice Liddell", image: null };
  const base = { depth: 0, parentId: null, upvoteCount: 0, editedAt: null };
  const comments: CommentRowInput[] = [
    { ...base, id: 1, body: "Nice **result**. <script>alert(1)</script> &lt;i&gt;", state: "live", author, createdAt: new Date("2025-02-14T10:00:00Z") },
    { ...base, id: 2, body: null, state: "deleted", author: null, createdAt: new Date("2025-02-14T11:00:00Z") },
    { ...base, id: 3, body: null, state: "hidden", author: null, createdAt: new Date("2025-02-14T12:00:00Z") },
    { ...base, id: 4, parentId: 1, depth: 1, body: "Agreed: $x^2$.", state: "live", author, createdAt: new Date("2025-02-14T13:00:00Z"), editedAt: new Date("2025-02-14T13:20:00Z") },
  ];
  const build = (format: typeof buildRss) =>
    format(commentsFeed({ origin: ORIGIN, paper: { id: "hep-th/9901001", title: "Strings" }, comments, renderHtml: renderFeedComment, now: new Date() }));

  it.each([
    ["RSS", buildRss],
    ["Atom", buildAtom],
  ])("lists live comments newest first, as sanitised HTML (%s)", (_name, format) => {
    const xml = build(format);
    expectStrictXml(xml);
    const feed = parseFeed(xml);
    expect(feed.items.map((i) => i.id)).toEqual(["paperboard:comment:4", "paperboard:comment:1"]);
    expect(feed.items[1].url).toBe(`${ORIGIN}/papers/hep-th/9901001#comment-1`);
    expect(feed.items[1].title).toBe("@alice on “Strings”");
    const html = textsOf(xml, format === buildRss ? "description" : "content").at(-1);
    expect(html).toContain("<strong>result</strong>");
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<i>"); // the reader wrote the entity "&lt;i&gt;": it stays text
    expect(html).toContain("&#x3C;i>");
  });

  it("dates an edited comment's Atom entry by the edit, and gives math as MathML", () => {
    const xml = build(buildAtom);
    const entry = xml.slice(xml.indexOf("<entry>"), xml.indexOf("</entry>"));
    expect(entry).toContain("<id>paperboard:comment:4</id>");
    expect(entry).toContain("<published>2025-02-14T13:00:00.000Z</published>");
    expect(entry).toContain("<updated>2025-02-14T13:20:00.000Z</updated>");
    expect(entry).toContain("&lt;math");
    expect(entry).not.toContain("katex-html");
  });

  it("points a comment's footnote links at its page, where the notes are (a feed reader has no page to jump in)", () => {
    const html = renderFeedComment("A claim[^1].\n\n[^1]: The source.", 7, `${ORIGIN}/papers/2502.00001`);
    const links = [...html.matchAll(/\shref="([^"]+)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThanOrEqual(2);
    for (const link of links) expect(link).toMatch(new RegExp(`^${ORIGIN}/papers/2502\\.00001#comment-7-`));
  });
});
