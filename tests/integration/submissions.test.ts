import { sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { getPaperRow } from "@/db/queries/papers";
import type { SessionUser } from "@/lib/auth/session-user";
import { submitPaper } from "@/lib/submissions/submit";
import { startFakeArxiv, type FakeArxiv } from "../support/fake-arxiv";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;
let fake: FakeArxiv;

// 2206.06921 was published on 2022-06-14: six days before "now", inside the 14-day window.
const NOW = new Date("2022-06-20T09:00:00Z");
const TODAY = "2022-06-20";

async function reader(role: "user" | "admin" = "user"): Promise<SessionUser> {
  const row = await makeUser({ role });
  return { ...row, role, sessionVersion: 0, createdAt: row.createdAt, emailVerified: null };
}

async function rows(table: "papers" | "daily_entries" | "paper_authors") {
  const result = await getDb().execute(sql.raw(`select count(*)::int as n from ${table}`));
  return Number(((Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { n: number }[])[0].n);
}
const snapshot = async () => ({ papers: await rows("papers"), entries: await rows("daily_entries"), authors: await rows("paper_authors") });

beforeAll(async () => {
  fake = await startFakeArxiv();
  process.env.ARXIV_API_URL = fake.url;
  process.env.ARXIV_MIN_INTERVAL_MS = "10";
  // Short, for the test that makes arXiv hang; long enough for a busy machine (500 ms was not,
  // with three test files at once on two cores and PGlite's work in this process).
  process.env.ARXIV_TIMEOUT_MS = "3000";
  ({ drop } = await createTestDatabase());
});

afterEach(() => {
  fake.reset();
});

afterAll(async () => {
  await drop();
  await fake.close();
});

describe("submitting a paper", () => {
  it("fetches an unknown paper from arXiv and lists it today with the submitter", async () => {
    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v1.xml");
    const alice = await reader();
    const result = await submitPaper({ user: alice, paperId: "2206.06921", version: null, now: NOW });
    expect(result).toEqual({ paperId: "2206.06921", outcome: "listed", day: TODAY });
    const paper = await getPaperRow({ id: "2206.06921" });
    expect(paper).toMatchObject({ title: "Attainable forms of Assouad spectra", latestVersion: 1 });
    const [entry] = await getDb().execute(sql`select submitted_by_id, day::text from daily_entries where paper_id = '2206.06921'`).then((r) => (Array.isArray(r) ? r : (r as unknown as { rows: unknown[] }).rows) as { submitted_by_id: string; day: string }[]);
    expect(entry).toEqual({ submitted_by_id: alice.id, day: TODAY });
  });

  it("takes a second submitter to the existing paper and duplicates nothing", async () => {
    const before = await snapshot();
    const bob = await reader();
    expect(await submitPaper({ user: bob, paperId: "2206.06921", version: null, now: NOW })).toEqual({
      paperId: "2206.06921",
      outcome: "already-listed",
      day: TODAY,
    });
    expect(await snapshot()).toEqual(before);
    expect(fake.requests).toHaveLength(0); // no need to ask arXiv
  });

  it("updates a stored paper to a newer version asked for, never duplicating it", async () => {
    await makePaper({ id: "2206.00001" }); // unrelated, keeps the count honest
    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v3.xml");
    const { ensurePaperInCatalogue } = await import("@/lib/submissions/catalogue");
    const before = await rows("papers");
    const paper = await ensurePaperInCatalogue("2206.06921", { minVersion: 3 });
    expect(paper.latestVersion).toBe(3);
    expect(await rows("papers")).toBe(before);
  });

  it("refuses papers older than the window, with the reason, storing nothing on the list", async () => {
    fake.serve({ id_list: "2206.06921" }, "id-2206.06921-v1.xml");
    const carol = await reader();
    await getDb().execute(sql`delete from daily_entries where paper_id = '2206.06921'`);
    const before = await snapshot();
    // Late in the paper's own month: its ID alone cannot tell, arXiv's date does.
    const later = new Date("2022-06-30T09:00:00Z");
    await expect(submitPaper({ user: carol, paperId: "2206.06921", version: null, now: later })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/published on .*14 June 2022.*more than 14 days ago/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses by the ID's month alone, without asking arXiv, a paper that could never be accepted", async () => {
    const erin = await reader();
    const before = await snapshot();
    fake.setMode("status-500"); // arXiv down: the answer must not be "try again later"
    await expect(submitPaper({ user: erin, paperId: "2206.99997", version: null, now: new Date("2022-08-02T09:00:00Z") })).rejects.toMatchObject({
      code: "invalid_input",
      message: "2206.99997 was first published in June 2022 (its arXiv ID says so), more than 14 days ago. The daily list is for new papers.",
    });
    await expect(submitPaper({ user: erin, paperId: "hep-th/9901001", version: null, now: NOW })).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(/January 1999/) });
    await expect(submitPaper({ user: erin, paperId: "2208.00001", version: null, now: new Date("2022-07-20T09:00:00Z") })).rejects.toMatchObject({
      code: "invalid_input",
      message: "arXiv has not numbered papers for August 2022 yet: check the ID.",
    });
    fake.setMode("replay");
    expect(await snapshot()).toEqual(before);
  });

  it("says so, and stores nothing, when arXiv is down or hangs", async () => {
    const dave = await reader();
    const before = await snapshot();
    fake.setMode("status-500");
    await expect(submitPaper({ user: dave, paperId: "2206.99999", version: null, now: NOW })).rejects.toMatchObject({
      message: expect.stringMatching(/arXiv/),
    });
    fake.setMode("hang");
    await expect(submitPaper({ user: dave, paperId: "2206.99998", version: null, now: NOW })).rejects.toMatchObject({
      message: expect.stringMatching(/arXiv/),
    });
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a paper a moderator took off the list, on an earlier day or today, and lists nothing", async () => {
    for (const [id, day] of [["2206.20001", "2022-06-18"], ["2206.20002", TODAY]] as const) {
      await makePaper({ id });
      await getDb().execute(sql`update papers set published_at = '2022-06-17' where id = ${id}`);
      await listPaper({ paperId: id, day, hidden: true });
      const before = await snapshot();
      await expect(submitPaper({ user: await reader(), paperId: id, version: null, now: NOW })).rejects.toMatchObject({
        code: "forbidden",
        message: expect.stringContaining(`A moderator took ${id} off the list of`),
      });
      expect(await snapshot()).toEqual(before);
    }
  });

  it("without a publication date, dates a paper by its arXiv ID's month for the age rule", async () => {
    await makePaper({ id: "2204.30001" }); // April 2022: ended weeks before the window opened
    await makePaper({ id: "2206.30002" }); // June 2022: may be new
    const before = await snapshot();
    await expect(submitPaper({ user: await reader(), paperId: "2204.30001", version: null, now: NOW })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("first published in April 2022 (its arXiv ID says so)"),
    });
    expect(await snapshot()).toEqual(before);
    expect(await submitPaper({ user: await reader(), paperId: "2206.30002", version: null, now: NOW })).toMatchObject({ outcome: "listed", day: TODAY });
  });

  it("reports a paper arXiv does not know", async () => {
    fake.serve({ id_list: "2206.99997" }, "empty.xml");
    await expect(submitPaper({ user: await reader(), paperId: "2206.99997", version: null, now: NOW })).rejects.toMatchObject({ code: "not_found" });
  });

  it("holds readers to their daily cap even when they submit in parallel; admins are exempt", async () => {
    const ids = ["2206.10001", "2206.10002", "2206.10003", "2206.10004", "2206.10005"];
    for (const id of ids) {
      await makePaper({ id });
      await getDb().execute(sql`update papers set published_at = '2022-06-18' where id = ${id}`);
    }
    const eager = await reader();
    const results = await Promise.allSettled(ids.map((paperId) => submitPaper({ user: eager, paperId, version: null, now: NOW })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "rate_limited", message: expect.stringContaining("3 papers a day") });
    // At the cap, a paper arXiv would have to be asked about is refused without asking (arXiv is
    // down here: the answer is the cap, not "arXiv is not answering").
    fake.setMode("status-500");
    await expect(submitPaper({ user: eager, paperId: "2206.10099", version: null, now: NOW })).rejects.toMatchObject({ code: "rate_limited", message: expect.stringContaining("3 papers a day") });
    fake.setMode("replay");

    const admin = await reader("admin");
    await getDb().execute(sql`delete from daily_entries where paper_id in ('2206.10001','2206.10002','2206.10003','2206.10004','2206.10005')`);
    const adminResults = await Promise.all(ids.map((paperId) => submitPaper({ user: admin, paperId, version: null, now: NOW })));
    expect(adminResults.every((r) => r.outcome === "listed")).toBe(true);
  });
});
