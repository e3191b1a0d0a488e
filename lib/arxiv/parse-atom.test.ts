import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ArxivApiError, ArxivFeedError } from "./errors";
import { parseAtomFeed } from "./parse-atom";

const fixture = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "../../tests/fixtures/arxiv", name), "utf8");

const NAMESPACES =
  'xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/"';

/** A feed around hand-written entries, for the cases no saved answer covers. */
function feedOf(entries: string, total = 1) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed ${NAMESPACES}>
  <opensearch:totalResults>${total}</opensearch:totalResults>
  <opensearch:startIndex>0</opensearch:startIndex>
  <opensearch:itemsPerPage>10</opensearch:itemsPerPage>
  ${entries}
</feed>`;
}

const SPARSE_ENTRY = `<entry>
    <id>http://arxiv.org/abs/2402.01234v2</id>
    <updated>2024-02-05T09:00:00Z</updated>
    <published>2024-02-02T18:59:59Z</published>
    <title>A paper with nothing optional</title>
    <summary>Just an abstract.</summary>
    <author><name>Solo Author</name></author>
  </entry>`;

function expectFeedError(xml: string, problem: RegExp) {
  try {
    parseAtomFeed(xml);
  } catch (error) {
    expect(error).toBeInstanceOf(ArxivFeedError);
    expect((error as ArxivFeedError).problem).toMatch(problem);
    return;
  }
  throw new Error("expected an ArxivFeedError");
}

describe("parseAtomFeed", () => {
  it("reads every field of an entry, as the API sent 2206.06921v3", () => {
    const feed = parseAtomFeed(fixture("id-2206.06921-v3.xml"));
    expect(feed).toMatchObject({ totalResults: 1, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries).toEqual([
      {
        id: "2206.06921",
        version: 3,
        title: "Attainable forms of Assouad spectra",
        abstract:
          "Let $d\\in\\mathbb{N}$ and let $\\varphi\\colon(0,1)\\to[0,d]$. We prove that there exists a set " +
          "$F\\subset\\mathbb{R}^d$ such that $\\operatorname{dim}_A^\\theta F=\\varphi(\\theta)$ for all " +
          "$\\theta\\in(0,1)$ if and only if for every $0<\\lambda<\\theta<1$, \\[0\\leq " +
          "(1-\\lambda)\\varphi(\\lambda)-(1-\\theta)\\varphi(\\theta)\\leq " +
          "(\\theta-\\lambda)\\varphi\\Bigl(\\frac{\\lambda}{\\theta}\\Bigr).\\] In particular, the following " +
          "behaviours which have not previously been witnessed in any examples are possible: the Assouad " +
          'spectrum can be non-monotonic on every open set, and can fail to be H\\"older in a neighbourhood of 1.',
        authors: [{ name: "Alex Rutar", affiliations: [] }],
        publishedAt: new Date("2022-06-14T15:35:46Z"),
        updatedAt: new Date("2024-08-12T11:56:51Z"),
        categories: ["math.CA", "math.DS", "math.MG", "28A80 (Primary) 39B62 (Secondary)"],
        primaryCategory: "math.CA",
        comment:
          "25 pages, 5 figures. v3: Many typo fixes and substantially improved exposition, especially in " +
          "non-monotonic construction. Some numbering changes from v2. Results unchanged",
        journalRef: "Indiana Univ. Math. J. 73 (2024), 1331-1356",
        doi: "10.1512/iumj.2024.73.9928",
        pdfUrl: "http://arxiv.org/pdf/2206.06921v3",
      },
    ]);
  });

  it("collapses hard-wrapped titles and abstracts and decodes entities", () => {
    const [puri] = parseAtomFeed(fixture("ids-three-papers.xml")).entries;
    expect(puri.title).toBe(
      "Digital cloning of online social networks for language-sensitive agent-based modeling of misinformation spread",
    );
    expect(puri.abstract).toMatch(/^We develop a simulation framework for studying misinformation spread within online/);
    expect(puri.abstract).not.toMatch(/\s{2}|\n/);
    expect(puri.abstract).toContain("we create a 'digital clone' of a known");
  });

  it("keeps authors in order with none, one or several affiliations", () => {
    const [puri, maldacena] = parseAtomFeed(fixture("ids-three-papers.xml")).entries;
    expect(puri.authors).toEqual([
      { name: "Prateek Puri", affiliations: ["RAND Corporation", "Pardee RAND Graduate School"] },
      { name: "Gabriel Hassler", affiliations: ["RAND Corporation"] },
      { name: "Anton Shenk", affiliations: [] },
      { name: "Sai Katragadda", affiliations: [] },
    ]);
    expect(maldacena.authors).toEqual([{ name: "Juan M. Maldacena", affiliations: ["Harvard University"] }]);
  });

  it("reads old-style identifiers and their versions", () => {
    const [, maldacena] = parseAtomFeed(fixture("ids-three-papers.xml")).entries;
    expect(maldacena).toMatchObject({
      id: "hep-th/9711200",
      version: 3,
      publishedAt: new Date("1997-11-27T22:22:59Z"),
      updatedAt: new Date("1998-01-22T18:41:42Z"),
      categories: ["hep-th"],
      primaryCategory: "hep-th",
      journalRef: "Adv.Theor.Math.Phys.2:231-252,1998",
      doi: "10.1023/A:1026654312961",
      pdfUrl: "http://arxiv.org/pdf/hep-th/9711200v3",
    });
  });

  it("tells versions apart: v1 has published = updated", () => {
    const [v1] = parseAtomFeed(fixture("id-2206.06921-v1.xml")).entries;
    expect(v1).toMatchObject({ id: "2206.06921", version: 1, journalRef: null, doi: null });
    expect(v1.updatedAt).toEqual(v1.publishedAt);
  });

  it("gives null for the optional fields an entry leaves out", () => {
    const [entry] = parseAtomFeed(feedOf(SPARSE_ENTRY)).entries;
    expect(entry).toEqual({
      id: "2402.01234",
      version: 2,
      title: "A paper with nothing optional",
      abstract: "Just an abstract.",
      authors: [{ name: "Solo Author", affiliations: [] }],
      publishedAt: new Date("2024-02-02T18:59:59Z"),
      updatedAt: new Date("2024-02-05T09:00:00Z"),
      categories: [],
      primaryCategory: null,
      comment: null,
      journalRef: null,
      doi: null,
      pdfUrl: null,
    });
  });

  it("reads the November 2025 format: namespaces on <feed>, links without titles", () => {
    const feed = parseAtomFeed(fixture("format-2025.xml"));
    expect(feed).toMatchObject({ totalResults: 7432, startIndex: 0, itemsPerPage: 10 });
    expect(feed.entries[0]).toMatchObject({
      id: "1309.4668",
      version: 1,
      authors: [
        { name: "A. Pertica", affiliations: ["Rutherford"] },
        { name: "S. J. Payne", affiliations: ["Rutherford"] },
      ],
      primaryCategory: "physics.acc-ph",
      journalRef: "CERN Yellow Report CERN-2013-002, pp.237-240",
      doi: "10.5170/CERN-2013-002.237",
      pdfUrl: "https://arxiv.org/pdf/1309.4668v1",
    });
  });

  it("reads an empty result: totalResults 0 and no entries", () => {
    expect(parseAtomFeed(fixture("empty.xml"))).toEqual({ totalResults: 0, startIndex: 0, itemsPerPage: 1, entries: [] });
  });

  it("skips the id-less entries the older API sent for unknown identifiers", () => {
    const placeholder = `<entry>
      <arxiv:primary_category term="" scheme="http://arxiv.org/schemas/atom"/>
      <category term="" scheme="http://arxiv.org/schemas/atom"/>
    </entry>`;
    const feed = parseAtomFeed(feedOf(`${placeholder}${SPARSE_ENTRY}${placeholder}`, 3));
    expect(feed.entries.map((e) => e.id)).toEqual(["2402.01234"]);
  });

  it("turns the error feed into an ArxivApiError carrying arXiv's message", () => {
    let caught: unknown;
    try {
      parseAtomFeed(fixture("error-bad-id.xml"));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ArxivApiError);
    expect(caught).toMatchObject({
      arxivMessage: "incorrect id format for 1234.12345",
      errorId: "http://arxiv.org/api/errors#incorrect_id_format_for_1234.12345",
      code: "bad_gateway:arxiv",
      status: 502,
    });
  });

  it("refuses what is not a well-formed feed", () => {
    expectFeedError("<html><body>Service Unavailable", /not well-formed XML/);
    expectFeedError("", /not well-formed XML/);
    expectFeedError('<?xml version="1.0"?><rss><channel/></rss>', /^feed/);
    expectFeedError(feedOf("").replace("<opensearch:totalResults>1</opensearch:totalResults>", ""), /totalResults/);
  });

  it("refuses an entry without what every paper has", () => {
    expectFeedError(feedOf(SPARSE_ENTRY.replace(/<title>.*<\/title>/, "<title>  </title>")), /entry 1: title/);
    expectFeedError(feedOf(SPARSE_ENTRY.replace(/<published>.*<\/published>/, "")), /entry 1: published/);
    expectFeedError(feedOf(SPARSE_ENTRY.replace("2024-02-02T18:59:59Z", "last Tuesday")), /entry 1: published/);
    expectFeedError(
      feedOf(SPARSE_ENTRY.replace("http://arxiv.org/abs/2402.01234v2", "http://example.org/abs/2402.01234v2")),
      /entry 1: id: not an arXiv abstract URL/,
    );
  });

  it("keeps numeric titles as text and ignores entities a DOCTYPE tries to define", () => {
    const numeric = SPARSE_ENTRY.replace("A paper with nothing optional", "1984");
    expect(parseAtomFeed(feedOf(numeric)).entries[0].title).toBe("1984");
    const accented = SPARSE_ENTRY.replace("Solo Author", "Ren&#233; Descartes &amp; co");
    expect(parseAtomFeed(feedOf(accented)).entries[0].authors[0].name).toBe("René Descartes & co");
    const doctype = feedOf(SPARSE_ENTRY.replace("Just an abstract.", "&x;")).replace(
      "<feed ",
      '<!DOCTYPE feed [<!ENTITY x "injected">]>\n<feed ',
    );
    expect(parseAtomFeed(doctype).entries[0].abstract).toBe("&x;");
  });
});
