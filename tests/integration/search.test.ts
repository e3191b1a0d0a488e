import { eq, sql } from "drizzle-orm";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { paperExists, searchPapers } from "@/db/queries/search";
import { paperAuthors, papers } from "@/db/schema";
import { HighlightedAuthors } from "@/components/search/highlighted-authors";
import { HighlightedText } from "@/components/search/highlighted-text";
import { authorsToShow, MARK_START, MARK_STOP } from "@/lib/highlight";
import type { SearchFilters } from "@/lib/search-request";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper } from "../support/fixtures";

let drop: () => Promise<void>;

const ANY: SearchFilters = { from: null, to: null, listedOnly: false };
const ids = async (q: string, filters: SearchFilters = ANY) => (await searchPapers({ q, filters })).hits.map((h) => h.id);

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  // Ranking: the same word in the title, the authors, and (three times, with more votes) the abstract.
  await makePaper({ id: "2501.00001", title: "Lattice gauge theory on quantum hardware", abstract: "We simulate fields.", upvoteCount: 1 });
  await makePaper({ id: "2501.00002", title: "A study of field simulation", abstract: "Fields.", authors: ["Kenneth Lattice"], upvoteCount: 2 });
  await makePaper({
    id: "2501.00003",
    title: "Crystal growth",
    abstract: "A lattice model. The lattice grows. Each lattice site is random.",
    upvoteCount: 50,
  });
  // Websearch syntax.
  await makePaper({ id: "2502.00001", title: "Graph neural networks for chemistry", abstract: "Molecules as graphs.", upvoteCount: 3 });
  await makePaper({ id: "2502.00002", title: "Neural graph rewriting", abstract: "Rewriting systems.", upvoteCount: 2 });
  await makePaper({ id: "2502.00003", title: "Graph neural networks: a survey", abstract: "We survey the field.", upvoteCount: 1 });
  await makePaper({ id: "2502.00004", title: "Protein folding with transformers", abstract: "Structures.", upvoteCount: 0 });
  // Hyphenated or not.
  await makePaper({ id: "2502.00005", title: "Selective state-space models", abstract: "Sequences." });
  await makePaper({ id: "2502.00006", title: "Long sequences with state space layers", abstract: "Scans." });
  // Accents.
  await makePaper({ id: "2507.00001", title: "Schrödinger bridges for generative modelling", abstract: "Entropic transport.", authors: ["Paul Erdős"] });
  await makePaper({ id: "2507.00002", title: "Naive Bayes revisited", abstract: "A simple classifier." });
  // Escaping.
  await makePaper({ id: "2503.00001", title: "Exploit <script>alert('x')</script> detection & <b>bold</b> claims", abstract: "Detection of exploits in the wild." });
  // Filters: listed on different days, one listing hidden.
  await makePaper({ id: "2504.00001", title: "Sparse attention early", abstract: "Attention." });
  await makePaper({ id: "2504.00002", title: "Sparse attention late", abstract: "Attention." });
  await makePaper({ id: "2504.00003", title: "Sparse attention never listed", abstract: "Attention.", upvoteCount: 5 });
  await makePaper({ id: "2504.00004", title: "Sparse attention hidden", abstract: "Attention." });
  await listPaper({ paperId: "2504.00001", day: "2025-03-03" });
  await listPaper({ paperId: "2504.00002", day: "2025-03-10" });
  await listPaper({ paperId: "2504.00002", day: "2025-03-12" });
  await listPaper({ paperId: "2504.00004", day: "2025-03-05", hidden: true });
});

afterAll(async () => {
  await drop();
});

describe("ranking", () => {
  it("puts a title match above an author match above an abstract match, whatever the votes", async () => {
    expect(await ids("lattice")).toEqual(["2501.00001", "2501.00002", "2501.00003"]);
  });

  it("breaks equal relevance by upvotes, then by arXiv ID", async () => {
    expect(await ids("sparse")).toEqual(["2504.00003", "2504.00001", "2504.00002", "2504.00004"]);
  });

  it("stems English words, so fields finds field", async () => {
    expect(await ids("fields")).toEqual(expect.arrayContaining(["2501.00001", "2501.00002", "2502.00003"]));
  });
});

describe("websearch syntax", () => {
  it("matches a quoted phrase only in that order", async () => {
    expect(await ids('"graph neural"')).toEqual(["2502.00001", "2502.00003"]);
  });

  it("excludes -words", async () => {
    expect(await ids("graph neural -survey")).toEqual(["2502.00001", "2502.00002"]);
  });

  it("finds a hyphenated word spelled either way, and still excludes with a leading hyphen", async () => {
    for (const q of ["state-space", "state space"]) expect((await ids(q)).sort(), q).toEqual(["2502.00005", "2502.00006"]);
    expect(await ids('"state-space models"')).toEqual(["2502.00005"]);
    expect(await ids("state-space -layers")).toEqual(["2502.00005"]);
  });

  it("folds accents both ways: Schrodinger finds Schrödinger, naïve finds naive, and the match is highlighted", async () => {
    expect(await ids("Schrodinger")).toEqual(["2507.00001"]);
    expect(await ids("schrödinger bridges")).toEqual(["2507.00001"]);
    expect(await ids("Erdos")).toEqual(["2507.00001"]); // an author
    expect(await ids("naïve")).toEqual(["2507.00002"]);
    const [hit] = (await searchPapers({ q: "Schrodinger", filters: ANY })).hits;
    expect(hit.titleHeadline).toContain(`${MARK_START}Schrödinger${MARK_STOP}`);
  });

  it("accepts or between alternatives", async () => {
    expect((await ids("rewriting or protein")).sort()).toEqual(["2502.00002", "2502.00004"]);
  });

  it("says when nothing searchable is left, instead of failing", async () => {
    expect(await searchPapers({ q: "the and of", filters: ANY })).toEqual({ hits: [], total: 0, onlyStopWords: true });
    expect(await searchPapers({ q: "zyxwvut", filters: ANY })).toEqual({ hits: [], total: 0, onlyStopWords: false });
    // Only words to leave out: nothing to look for, instead of every paper in the catalogue ranked.
    for (const q of ["-zyxwvut", "-zyxwvut -qwertyu", "-zyxwvut or graph"]) {
      expect(await searchPapers({ q, filters: ANY }), q).toEqual({ hits: [], total: 0, onlyStopWords: false, onlyExclusions: true });
    }
    expect((await searchPapers({ q: "graph -survey", filters: ANY })).total).toBe(2);
    expect(await searchPapers({ q: '"unclosed -  or or (', filters: ANY })).toMatchObject({ hits: [] });
  });

  it("counts every match even when it shows fewer", async () => {
    const result = await searchPapers({ q: "sparse", filters: ANY, limit: 2 });
    expect(result.hits).toHaveLength(2);
    expect(result.total).toBe(4);
  });
});

describe("filters", () => {
  it("keeps only papers that were (visibly) on the list", async () => {
    expect((await ids("sparse", { ...ANY, listedOnly: true })).sort()).toEqual(["2504.00001", "2504.00002"]);
  });

  it("keeps papers listed in a date range, inclusive, and reports the first listing in it", async () => {
    expect(await ids("sparse", { from: "2025-03-03", to: "2025-03-09", listedOnly: true })).toEqual(["2504.00001"]);
    expect(await ids("sparse", { from: "2025-03-04", to: "2025-03-10", listedOnly: true })).toEqual(["2504.00002"]);
    const [late] = (await searchPapers({ q: "late", filters: { from: "2025-03-11", to: null, listedOnly: true } })).hits;
    expect(late.listedOn).toBe("2025-03-12");
    expect(await ids("sparse", { from: "2025-03-13", to: null, listedOnly: true })).toEqual([]);
  });

  it("carries what a card shows", async () => {
    const [hit] = (await searchPapers({ q: "lattice gauge", filters: ANY })).hits;
    expect(hit).toMatchObject({ id: "2501.00001", authors: ["Ada Lovelace"], authorCount: 1, upvoteCount: 1, listedOn: null, pinnedPosition: null });
  });
});

describe("highlights", () => {
  it("marks the matched words in the title and the abstract", async () => {
    const [hit] = (await searchPapers({ q: "chemistry molecules", filters: ANY })).hits;
    expect(hit.titleHeadline).toBe(`Graph neural networks for ${MARK_START}chemistry${MARK_STOP}`);
    expect(hit.abstractHeadline).toBe(`${MARK_START}Molecules${MARK_STOP} as graphs.`);
  });

  it("keeps markup in a title as text, which the page escapes", async () => {
    const [hit] = (await searchPapers({ q: "exploit detection", filters: ANY })).hits;
    expect(hit.titleHeadline).toContain("<script>alert('x')</script>");
    const html = renderToStaticMarkup(createElement(HighlightedText, { headline: hit.titleHeadline }));
    expect(html).toContain("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;");
    expect(html).toContain("&lt;b&gt;bold&lt;/b&gt;");
    expect(html).toMatch(/<mark[^>]*>Exploit<\/mark>/);
    expect(html).not.toMatch(/<script|<b>/);
  });

  it("marks a matched author, and the card names one past the first three", async () => {
    await makePaper({ id: "2503.00003", title: "Compilers", abstract: "Nothing.", authors: ["Mira Quell", "Tobias Vant", "Ines Korro", "Otto Plenk", "Frances Allen"] });
    const [hit] = (await searchPapers({ q: "allen", filters: ANY })).hits;
    expect(hit.authorsHeadline).toBe(`Mira Quell, Tobias Vant, Ines Korro, Otto Plenk, Frances ${MARK_START}Allen${MARK_STOP}`);
    const shown = authorsToShow(hit.authorsHeadline, hit.authorCount, hit.authors.length);
    if (!shown) throw new Error("the names did not split into the authors counted");
    const html = renderToStaticMarkup(createElement(HighlightedAuthors, { shown }));
    expect(html.replace(/<mark[^>]*>/g, "<mark>")).toBe('Mira Quell, Tobias Vant, Ines Korro, … Frances <mark>Allen</mark><span class="text-zinc-500 dark:text-zinc-400"> +1</span>');
  });

  it("ignores our marker characters when a paper's own text contains them", async () => {
    await makePaper({ id: "2503.00002", title: `Sneaky ${MARK_START}markers${MARK_STOP} title`, abstract: "Nothing." });
    const [hit] = (await searchPapers({ q: "sneaky", filters: ANY })).hits;
    expect(hit.titleHeadline).toBe(`${MARK_START}Sneaky${MARK_STOP} markers title`);
  });
});

describe("the author index follows paper_authors", () => {
  it("finds a paper by a new author and forgets a removed one, in the writing transaction", async () => {
    await makePaper({ id: "2505.00001", title: "Untitled", abstract: "Nothing.", authors: ["Grace Hopper", "Alan Turing"] });
    expect(await ids("hopper")).toEqual(["2505.00001"]);
    await getDb().transaction(async (tx) => {
      await tx.delete(paperAuthors).where(eq(paperAuthors.paperId, "2505.00001"));
      await tx.insert(paperAuthors).values({ paperId: "2505.00001", position: 0, name: "Barbara Liskov" });
      const [inside] = await tx.select({ names: papers.authorNames }).from(papers).where(eq(papers.id, "2505.00001"));
      expect(inside.names).toBe("Barbara Liskov");
    });
    expect(await ids("hopper")).toEqual([]);
    expect(await ids("liskov")).toEqual(["2505.00001"]);
    await getDb().update(paperAuthors).set({ name: "Edsger Dijkstra" }).where(eq(paperAuthors.paperId, "2505.00001"));
    expect(await ids("dijkstra")).toEqual(["2505.00001"]);
  });

  it("lets a paper and its authors be deleted together", async () => {
    await getDb().delete(papers).where(eq(papers.id, "2505.00001"));
    expect(await ids("dijkstra")).toEqual([]);
  });

  it("uses the GIN index", async () => {
    const rows = await getDb().execute(sql`select indexdef from pg_indexes where indexname = 'papers_search_idx'`);
    const list = Array.isArray(rows) ? rows : (rows as unknown as { rows: { indexdef: string }[] }).rows;
    expect(String(list[0]?.indexdef)).toMatch(/USING gin \(search_vector\)/);
  });
});

describe("paperExists", () => {
  it("answers the arXiv ID shortcut", async () => {
    expect(await paperExists({ id: "2501.00001" })).toBe(true);
    expect(await paperExists({ id: "2401.12345" })).toBe(false);
  });
});

describe("pages of results", () => {
  it("walks the ranking a page at a time: pages do not overlap, keep the order, and share the total", async () => {
    const filters = { from: null, to: null, listedOnly: false };
    const whole = await searchPapers({ q: "sparse", filters });
    const first = await searchPapers({ q: "sparse", filters, limit: 3, offset: 0 });
    const second = await searchPapers({ q: "sparse", filters, limit: 3, offset: 3 });
    expect([...first.hits, ...second.hits].map((h) => h.id)).toEqual(whole.hits.map((h) => h.id));
    expect([first.total, second.total]).toEqual([whole.total, whole.total]);
    expect(second.hits).toHaveLength(whole.total - 3);
  });

  it("past the last page, finds nothing but still says how many match (with the filters)", async () => {
    const beyond = await searchPapers({ q: "sparse", filters: { from: null, to: null, listedOnly: true }, limit: 3, offset: 30 });
    expect(beyond).toEqual({ hits: [], total: 2, onlyStopWords: false });
  });
});
