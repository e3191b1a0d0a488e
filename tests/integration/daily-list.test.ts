import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countListedPapers, getLatestListedDay, getNeighbourDays, getRankedList } from "@/db/queries/daily-list";
import { getPaper } from "@/db/queries/papers";
import { compareRanked } from "@/lib/ranking";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;

// Days used below. 2025-03-03 is a Monday, so 03..09 is ISO week 2025-W10.
beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  const submitter = await makeUser({ username: "ada", name: "Ada" });
  await makePaper({ id: "2503.00001", upvoteCount: 5, authors: ["A One", "B Two", "C Three", "D Four", "E Five"] });
  await makePaper({ id: "2503.00002", upvoteCount: 9 });
  await makePaper({ id: "2503.00003", upvoteCount: 5 });
  await makePaper({ id: "2503.00004", upvoteCount: 0 });
  await makePaper({ id: "2503.00005", upvoteCount: 100 });
  await makePaper({ id: "2503.00006", upvoteCount: 3 });
  await makePaper({ id: "hep-th/9901001", upvoteCount: 1, title: "Old style" });

  await listPaper({ paperId: "2503.00001", day: "2025-03-03", minute: 30, submittedById: submitter.id });
  await listPaper({ paperId: "2503.00003", day: "2025-03-03", minute: 10 }); // same votes, earlier
  await listPaper({ paperId: "2503.00002", day: "2025-03-03", minute: 50 });
  await listPaper({ paperId: "2503.00004", day: "2025-03-03", minute: 60, pinnedPosition: 1 });
  await listPaper({ paperId: "2503.00005", day: "2025-03-03", minute: 70, hidden: true }); // curated away
  await listPaper({ paperId: "2503.00006", day: "2025-03-05" });
  await listPaper({ paperId: "2503.00001", day: "2025-03-05" }); // listed twice in the week
  await listPaper({ paperId: "hep-th/9901001", day: "2025-03-12" });
  await listPaper({ paperId: "2503.00002", day: "2025-04-02" });
});

afterAll(async () => {
  await drop();
});

describe("getRankedList", () => {
  it("ranks a day: pins first, then upvotes, then earliest submission; hidden entries left out", async () => {
    const list = await getRankedList({ start: "2025-03-03", end: "2025-03-03" });
    expect(list.map((p) => p.id)).toEqual(["2503.00004", "2503.00002", "2503.00003", "2503.00001"]);
    expect([...list].sort(compareRanked).map((p) => p.id)).toEqual(list.map((p) => p.id));
  });

  it("carries what a card shows", async () => {
    const [first] = (await getRankedList({ start: "2025-03-03", end: "2025-03-03" })).filter((p) => p.id === "2503.00001");
    expect(first).toMatchObject({
      authors: ["A One", "B Two", "C Three"],
      authorCount: 5,
      upvoteCount: 5,
      commentCount: 0,
      submitter: { username: "ada", name: "Ada" },
    });
  });

  it("ranks a week once per paper, by votes alone (pins order single days)", async () => {
    const list = await getRankedList({ start: "2025-03-03", end: "2025-03-09" });
    expect(list.map((p) => p.id)).toEqual(["2503.00002", "2503.00003", "2503.00001", "2503.00006", "2503.00004"]);
    expect(list.every((p) => p.pinnedPosition === null)).toBe(true);
  });

  it("ranks a month", async () => {
    const march = await getRankedList({ start: "2025-03-01", end: "2025-03-31" });
    expect(march.map((p) => p.id)).toEqual(["2503.00002", "2503.00003", "2503.00001", "2503.00006", "hep-th/9901001", "2503.00004"]);
  });

  it("returns nothing for an empty day", async () => {
    expect(await getRankedList({ start: "2025-03-04", end: "2025-03-04" })).toEqual([]);
  });

  it("pages through a month in rank order, and counts its papers as the pages list them", async () => {
    const march = { start: "2025-03-01", end: "2025-03-31" };
    const whole = (await getRankedList(march)).map((p) => p.id);
    const pages = [];
    for (let offset = 0; offset < whole.length + 2; offset += 2) pages.push(...(await getRankedList({ ...march, limit: 2, offset })).map((p) => p.id));
    expect(pages).toEqual(whole);
    // Listed twice in the month, counted once; hidden entries not at all.
    expect(await countListedPapers(march)).toBe(whole.length);
    expect(await countListedPapers({ start: "2025-03-03", end: "2025-03-03" })).toBe(4);
    expect(await countListedPapers({ start: "2025-03-04", end: "2025-03-04" })).toBe(0);
  });
});

describe("day navigation", () => {
  it("skips empty days in both directions", async () => {
    expect(await getNeighbourDays({ start: "2025-03-05", end: "2025-03-05" })).toEqual({ previous: "2025-03-03", next: "2025-03-12" });
    expect(await getNeighbourDays({ start: "2025-03-03", end: "2025-03-09" })).toEqual({ previous: null, next: "2025-03-12" });
    expect(await getNeighbourDays({ start: "2025-04-02", end: "2025-04-02" })).toEqual({ previous: "2025-03-12", next: null });
  });

  it("finds the most recent listed day on or before a date", async () => {
    expect(await getLatestListedDay({ onOrBefore: "2025-03-11" })).toBe("2025-03-05");
    expect(await getLatestListedDay({ onOrBefore: "2025-03-12" })).toBe("2025-03-12");
    expect(await getLatestListedDay({ onOrBefore: "2025-01-01" })).toBeNull();
  });
});

describe("getPaper", () => {
  it("returns the full author list and the visible days it was listed", async () => {
    const paper = await getPaper({ id: "2503.00001" });
    expect(paper?.authors.map((a) => a.name)).toEqual(["A One", "B Two", "C Three", "D Four", "E Five"]);
    expect(paper?.listings).toEqual([
      { day: "2025-03-03", submitter: { username: "ada", name: "Ada" } },
      { day: "2025-03-05", submitter: null },
    ]);
    expect((await getPaper({ id: "2503.00005" }))?.listings).toEqual([]); // hidden listing
  });

  it("finds old-style identifiers and reports unknown ones as null", async () => {
    expect((await getPaper({ id: "hep-th/9901001" }))?.title).toBe("Old style");
    expect(await getPaper({ id: "2503.99999" })).toBeNull();
  });
});
