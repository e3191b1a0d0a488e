import { describe, expect, it } from "vitest";
import { authorsToShow, headlineOptions, MARK_START as S, MARK_STOP as E, snippetCuts, splitHighlighted, stripMarkers } from "./highlight";

describe("splitHighlighted", () => {
  it("turns marker pairs into marked runs and keeps everything else as text", () => {
    expect(splitHighlighted(`${S}Attention${E} is all you ${S}need${E}`)).toEqual([
      { kind: "text", value: "Attention", marked: true },
      { kind: "text", value: " is all you ", marked: false },
      { kind: "text", value: "need", marked: true },
    ]);
  });

  it("keeps markup from the database as plain text, never as tags", () => {
    const segments = splitHighlighted(`${S}Attack${E} <script>alert(1)</script> &amp; <b>bold</b>`);
    expect(segments).toEqual([
      { kind: "text", value: "Attack", marked: true },
      { kind: "text", value: " <script>alert(1)</script> &amp; <b>bold</b>", marked: false },
    ]);
  });

  it("renders TeX math whole and unmarked, and carries a match across it", () => {
    expect(splitHighlighted(`Bounds on $\\mathcal{O}(n ${S}\\log${E} n)$ ${S}sorting${E} networks`)).toEqual([
      { kind: "text", value: "Bounds on ", marked: false },
      { kind: "math", value: "\\mathcal{O}(n \\log n)", display: false },
      { kind: "text", value: " ", marked: false },
      { kind: "text", value: "sorting", marked: true },
      { kind: "text", value: " networks", marked: false },
    ]);
  });

  it("returns plain text unchanged and nothing for an empty headline", () => {
    expect(splitHighlighted("no matches here")).toEqual([{ kind: "text", value: "no matches here", marked: false }]);
    expect(splitHighlighted("")).toEqual([]);
  });
});

describe("headlineOptions", () => {
  it("quotes every value and uses the markers as StartSel/StopSel", () => {
    expect(headlineOptions({ HighlightAll: true })).toBe(`StartSel="${S}", StopSel="${E}", HighlightAll="true"`);
    expect(headlineOptions({ FragmentDelimiter: ' … "x"' })).toContain('FragmentDelimiter=" … x"');
  });
});

describe("snippetCuts", () => {
  const abstract = "We study graphs. Graphs are everywhere. We conclude with open problems.";
  it("says where a snippet leaves out part of the abstract", () => {
    expect(snippetCuts(abstract, `We study ${S}graphs${E}. ${S}Graphs${E} are everywhere`)).toEqual({ before: false, after: true });
    expect(snippetCuts(abstract, `are everywhere. We conclude with open problems`)).toEqual({ before: true, after: false });
    expect(snippetCuts(abstract, abstract)).toEqual({ before: false, after: false });
  });

  it("ignores markers", () => {
    expect(stripMarkers(`${S}a${E}b`)).toBe("ab");
  });
});

describe("authorsToShow", () => {
  const mark = (name: string) => `${S}${name}${E}`;

  it("names the first authors, then any later author the search matched, with the gap said", () => {
    const headline = ["Ada Lovelace", "Alan Turing", "Edsger Dijkstra", "Barbara Liskov", `Grace ${mark("Hopper")}`, "John Backus"].join(", ");
    expect(authorsToShow(headline, 6, 3)).toEqual({
      authors: [
        { headline: "Ada Lovelace", afterGap: false },
        { headline: "Alan Turing", afterGap: false },
        { headline: "Edsger Dijkstra", afterGap: false },
        { headline: `Grace ${mark("Hopper")}`, afterGap: true },
      ],
      more: 2,
    });
  });

  it("keeps a match among the first authors where it is, and adds no gap after the last of them", () => {
    const headline = [`${mark("Ada")} Lovelace`, "Alan Turing", "Edsger Dijkstra", `${mark("Ada")} Yonath`].join(", ");
    expect(authorsToShow(headline, 4, 3)?.authors.map((a) => a.afterGap)).toEqual([false, false, false, false]);
    expect(authorsToShow(headline, 4, 3)?.more).toBe(0);
  });

  it("gives up when the names do not split into the authors counted (a comma inside a name)", () => {
    expect(authorsToShow("Sammy Davis, Jr., Ada Lovelace", 2, 3)).toBeNull();
    expect(authorsToShow("", 0, 3)).toBeNull();
  });
});
