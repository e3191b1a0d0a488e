import { describe, expect, it } from "vitest";
import { parseArxivId } from "@/lib/arxiv-id";
import { MAX_COMMENT_DEPTH } from "@/lib/comment-rules";
import { copyCell } from "./copy";
import { apportion, liveComments, listPlan, LIST_DAYS, planPapers, planThread, syntheticUserId, votersOf, SYNTHETIC_PAPER_PATTERN } from "./generate";
import { parseSeedArgs } from "./run";
import { paperText } from "./text";

const TODAY = "2026-11-28";
const SIZES = { papers: 5_000, users: 800, votes: 40_000, comments: 8_000 };

describe("synthetic dataset generators", () => {
  it("lists 10–40 papers a day, newest day today, and the same count for a day at any size", () => {
    const small = listPlan(TODAY, 1_000);
    const large = listPlan(TODAY, 100_000);
    expect(large[0].day).toBe(TODAY);
    expect(large.length).toBe(LIST_DAYS);
    for (const { count } of large) expect(count).toBeGreaterThanOrEqual(10), expect(count).toBeLessThanOrEqual(40);
    expect(small[0]).toEqual(large[0]);
    expect(small.reduce((n, d) => n + d.count, 0)).toBe(1_000);
  });

  it("gives every paper a unique, valid arXiv ID in the synthetic range", () => {
    const papers = planPapers(SIZES, TODAY);
    const ids = papers.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(parseArxivId(id)?.id).toBe(id);
      expect(id).toMatch(new RegExp(SYNTHETIC_PAPER_PATTERN));
    }
  });

  it("places exactly the requested votes and comments, with a long tail of votes", () => {
    const papers = planPapers(SIZES, TODAY);
    expect(papers.reduce((n, p) => n + p.votes, 0)).toBe(SIZES.votes);
    expect(papers.reduce((n, p) => n + p.comments, 0)).toBe(SIZES.comments);
    const sorted = papers.map((p) => p.votes).sort((a, b) => b - a);
    const top1percent = sorted.slice(0, sorted.length / 100).reduce((n, v) => n + v, 0);
    expect(top1percent / SIZES.votes).toBeGreaterThan(0.05); // a few papers draw far more than their share
    expect(sorted[0]).toBeLessThanOrEqual(SIZES.users); // one vote per user and paper
    expect(sorted[sorted.length / 2]).toBeLessThan(SIZES.votes / SIZES.papers); // the median paper gets less than the mean
  });

  it("apportions exactly, within the cap, moving what a capped share cannot take", () => {
    expect(apportion([1, 1, 1, 1], 10, 100).reduce((a, b) => a + b)).toBe(10);
    expect(apportion([1000, 1, 1], 30, 12)).toEqual([12, 9, 9]);
    expect(() => apportion([1, 1], 5, 2)).toThrow();
  });

  it("never picks the same voter twice for a paper", () => {
    for (const [index, count, users] of [[0, 800, 800], [7, 500, 1000], [3, 1, 1], [42, 99, 100]]) {
      const voters = votersOf(index, count, users);
      expect(new Set(voters).size).toBe(count);
      expect(Math.max(...voters)).toBeLessThan(users);
    }
    expect(() => votersOf(0, 11, 10)).toThrow();
  });

  it("threads replies to earlier comments, within the depth limit, with a few deleted", () => {
    const thread = planThread(1, 2_000, 50);
    for (const c of thread) {
      if (c.parentOffset === null) expect(c.depth).toBe(0);
      else expect(c.parentOffset).toBeLessThan(c.offset), expect(c.depth).toBe(thread[c.parentOffset].depth + 1);
      expect(c.depth).toBeLessThanOrEqual(MAX_COMMENT_DEPTH);
    }
    expect(thread.some((c) => c.depth >= 2)).toBe(true);
    const deleted = thread.length - liveComments(thread);
    expect(deleted).toBeGreaterThan(10);
    expect(deleted).toBeLessThan(100);
  });

  it("is deterministic", () => {
    expect(planPapers(SIZES, TODAY)).toEqual(planPapers(SIZES, TODAY));
    expect(syntheticUserId(5)).toBe(syntheticUserId(5));
    expect(syntheticUserId(5)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(Array.from({ length: 20_000 }, (_, i) => syntheticUserId(i))).size).toBe(20_000);
  });
});

describe("COPY text cells", () => {
  it("escapes separators, writes null as \\N and arrays as literals", () => {
    expect(copyCell("a\tb\nc\\d")).toBe("a\\tb\\nc\\\\d");
    expect(copyCell(null)).toBe("\\N");
    expect(copyCell(["cs.LG", 'x"y'])).toBe('{"cs.LG","x\\\\"y"}');
  });
});

describe("bench:seed arguments", () => {
  it("defaults to the issue's sizes and takes each flag", () => {
    expect(parseSeedArgs([])).toEqual({ papers: 100_000, users: 20_000, votes: 1_000_000, comments: 200_000 });
    expect(parseSeedArgs(["--papers", "300", "--votes", "0"])).toMatchObject({ papers: 300, votes: 0 });
    expect(() => parseSeedArgs(["--papers", "-1"])).toThrow(/--papers/);
  });
});

describe("synthetic text", () => {
  it("puts a well-known topic word in a few percent of papers, not in every abstract", () => {
    const n = 4_000;
    let withTopic = 0;
    for (let i = 1; i <= n; i++) {
      const { title, abstract } = paperText(i);
      if (/\btransformer\b/i.test(`${title} ${abstract}`)) withTopic += 1;
    }
    expect(withTopic / n).toBeGreaterThan(0.01);
    expect(withTopic / n).toBeLessThan(0.1);
  });
});
