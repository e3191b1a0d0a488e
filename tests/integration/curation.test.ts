import { spawnSync } from "node:child_process";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { listAudit } from "@/db/queries/audit";
import { addComment } from "@/db/queries/comments";
import {
  addPaperToDay,
  getDayForCuration,
  hideEntry,
  moveEntryToDay,
  movePinnedEntry,
  pinEntry,
  unhideEntry,
  unpinEntry,
  updatePaperDetails,
} from "@/db/queries/curation";
import { getRankedList } from "@/db/queries/daily-list";
import { getPaper } from "@/db/queries/papers";
import { promoteFromCommandLine, recentComments, searchUsers, setCommentHidden, setUserBanned, setUserRole } from "@/db/queries/moderation";
import type { Actor } from "@/lib/permissions";
import { createTestDatabase } from "../support/test-database";
import { listPaper, makePaper, makeUser } from "../support/fixtures";

let drop: () => Promise<void>;
let config: Awaited<ReturnType<typeof createTestDatabase>>["config"];
let admin: Actor;
let reader: Actor;
const DAY = "2025-06-02";

const ids = async (day = DAY) => (await getRankedList({ start: day, end: day })).map((p) => p.id);
const entryOf = async (paperId: string, day = DAY) => (await getDayForCuration({ day })).find((e) => e.paperId === paperId)!;
async function auditCount() {
  const rows = await getDb().execute(sql`select count(*)::int as n from audit_log`);
  return Number(((Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows) as { n: number }[])[0].n);
}

beforeAll(async () => {
  ({ drop, config } = await createTestDatabase());
  admin = { ...(await makeUser({ username: "root", role: "admin" })), role: "admin" };
  reader = { ...(await makeUser({ username: "plain" })), role: "user" };
  for (const [id, votes] of [["2506.00001", 9], ["2506.00002", 5], ["2506.00003", 1], ["2506.00004", 0]] as const) {
    await makePaper({ id, upvoteCount: votes });
  }
  await listPaper({ paperId: "2506.00001", day: DAY });
  await listPaper({ paperId: "2506.00002", day: DAY });
  await listPaper({ paperId: "2506.00003", day: DAY });
});

afterAll(async () => {
  await drop();
});

describe("curation by a plain reader", () => {
  it("is refused by the data layer for every action, and changes nothing", async () => {
    const before = { list: await ids(), audit: await auditCount() };
    const entry = await entryOf("2506.00001");
    const attempts = [
      addPaperToDay({ actor: reader, paperId: "2506.00004", day: DAY }),
      hideEntry({ actor: reader, entryId: entry.entryId, reason: "spam" }),
      unhideEntry({ actor: reader, entryId: entry.entryId }),
      pinEntry({ actor: reader, entryId: entry.entryId }),
      unpinEntry({ actor: reader, entryId: entry.entryId }),
      movePinnedEntry({ actor: reader, entryId: entry.entryId, direction: "up" }),
      moveEntryToDay({ actor: reader, entryId: entry.entryId, toDay: "2025-06-03" }),
      updatePaperDetails({ actor: reader, paperId: "2506.00001", changes: { title: "pwned" } }),
      setCommentHidden({ actor: reader, commentId: 1, hidden: true, reason: "x" }),
      setUserBanned({ actor: reader, userId: admin.id, banned: true, reason: "coup" }),
      setUserRole({ actor: reader, userId: reader.id === admin.id ? "" : admin.id, role: "user" }),
    ];
    const results = await Promise.allSettled(attempts);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: "forbidden:role" });
    }
    expect({ list: await ids(), audit: await auditCount() }).toEqual(before);
    const bannedAdmin = { ...admin, bannedAt: new Date() };
    await expect(pinEntry({ actor: bannedAdmin, entryId: entry.entryId })).rejects.toMatchObject({ code: "forbidden:banned" });
  });
});

describe("curating a day", () => {
  it("adds, hides with a reason, pins, reorders and moves — and the public list follows", async () => {
    expect(await ids()).toEqual(["2506.00001", "2506.00002", "2506.00003"]);

    await addPaperToDay({ actor: admin, paperId: "2506.00004", day: DAY });
    expect(await ids()).toEqual(["2506.00001", "2506.00002", "2506.00003", "2506.00004"]);
    await expect(addPaperToDay({ actor: admin, paperId: "2506.00004", day: DAY })).rejects.toMatchObject({ code: "conflict" });

    await hideEntry({ actor: admin, entryId: (await entryOf("2506.00002")).entryId, reason: "duplicate of 2506.00001" });
    expect(await ids()).toEqual(["2506.00001", "2506.00003", "2506.00004"]);

    await pinEntry({ actor: admin, entryId: (await entryOf("2506.00004")).entryId });
    await pinEntry({ actor: admin, entryId: (await entryOf("2506.00003")).entryId });
    expect(await ids()).toEqual(["2506.00004", "2506.00003", "2506.00001"]);

    await movePinnedEntry({ actor: admin, entryId: (await entryOf("2506.00003")).entryId, direction: "up" });
    expect(await ids()).toEqual(["2506.00003", "2506.00004", "2506.00001"]);

    await moveEntryToDay({ actor: admin, entryId: (await entryOf("2506.00001")).entryId, toDay: "2025-06-03", reason: "announced a day late" });
    expect(await ids()).toEqual(["2506.00003", "2506.00004"]);
    expect(await ids("2025-06-03")).toEqual(["2506.00001"]);

    await unhideEntry({ actor: admin, entryId: (await entryOf("2506.00002")).entryId });
    expect(await ids()).toEqual(["2506.00003", "2506.00004", "2506.00002"]);
  });

  it("wrote an audit row for each change, newest first, with actor, target and reason", async () => {
    const log = await listAudit({});
    expect(log.map((e) => e.action)).toEqual(["unhide_entry", "move_entry", "reorder_pins", "pin_entry", "pin_entry", "hide_entry", "add_to_day"]);
    expect(log.every((e) => e.actorUsername === "root")).toBe(true);
    expect(log.find((e) => e.action === "hide_entry")).toMatchObject({ targetType: "paper", targetId: "2506.00002", reason: "duplicate of 2506.00001" });
    expect(log.find((e) => e.action === "move_entry")?.details).toEqual({ from: DAY, to: "2025-06-03" });
    expect((await listAudit({ action: "pin_entry" })).length).toBe(2);
    expect((await listAudit({ targetType: "paper", targetId: "2506.00001" })).map((e) => e.action)).toEqual(["move_entry"]);
  });

  it("moves a pin down as well as up, and keeps pins numbered 1..n when one leaves", async () => {
    const day = "2025-06-09";
    for (const id of ["2506.00011", "2506.00012", "2506.00013"]) {
      await makePaper({ id });
      await listPaper({ paperId: id, day });
      await pinEntry({ actor: admin, entryId: (await entryOf(id, day)).entryId });
    }
    const pins = async () => (await getDayForCuration({ day })).filter((e) => e.pinnedPosition !== null).map((e) => [e.paperId, e.pinnedPosition]);
    expect(await pins()).toEqual([["2506.00011", 1], ["2506.00012", 2], ["2506.00013", 3]]);

    await movePinnedEntry({ actor: admin, entryId: (await entryOf("2506.00011", day)).entryId, direction: "down" });
    expect(await pins()).toEqual([["2506.00012", 1], ["2506.00011", 2], ["2506.00013", 3]]);
    await movePinnedEntry({ actor: admin, entryId: (await entryOf("2506.00013", day)).entryId, direction: "down" }); // already last
    expect(await pins()).toEqual([["2506.00012", 1], ["2506.00011", 2], ["2506.00013", 3]]);

    await unpinEntry({ actor: admin, entryId: (await entryOf("2506.00012", day)).entryId });
    expect(await pins()).toEqual([["2506.00011", 1], ["2506.00013", 2]]);
    await hideEntry({ actor: admin, entryId: (await entryOf("2506.00011", day)).entryId, reason: "withdrawn by the authors" });
    expect(await pins()).toEqual([["2506.00013", 1]]);
    await pinEntry({ actor: admin, entryId: (await entryOf("2506.00012", day)).entryId });
    expect(await pins()).toEqual([["2506.00013", 1], ["2506.00012", 2]]);
  });

  it("edits a paper's links and records which fields changed", async () => {
    const result = await updatePaperDetails({
      actor: admin,
      paperId: "2506.00003",
      changes: { githubRepo: "https://github.com/example/repo", title: "Paper 2506.00003" },
    });
    expect(result.changed).toEqual(["githubRepo"]);
    expect((await listAudit({ action: "edit_paper" }))[0].details).toEqual({ fields: ["githubRepo"] });
  });
});

describe("moderating people", () => {
  it("hides a comment with a reason and keeps the count exact", async () => {
    const author = { ...(await makeUser()), role: "user" as const };
    const { id } = await addComment({ actor: author, paperId: "2506.00003", parentId: null, body: "spam spam" });
    await setCommentHidden({ actor: admin, commentId: id, hidden: true, reason: "spam" });
    expect((await getRankedList({ start: DAY, end: DAY })).find((p) => p.id === "2506.00003")?.commentCount).toBe(0);
    await setCommentHidden({ actor: admin, commentId: id, hidden: false });
    expect((await getRankedList({ start: DAY, end: DAY })).find((p) => p.id === "2506.00003")?.commentCount).toBe(1);
  });

  it("bans a user and hides their content in one step", async () => {
    const troll = { ...(await makeUser({ username: "troll" })), role: "user" as const };
    await addComment({ actor: troll, paperId: "2506.00004", parentId: null, body: "first" });
    await addComment({ actor: troll, paperId: "2506.00004", parentId: null, body: "second" });
    await listPaper({ paperId: "2506.00001", day: "2025-06-04", submittedById: troll.id });
    const { hidden } = await setUserBanned({ actor: admin, userId: troll.id, banned: true, reason: "abuse", hideContent: true });
    expect(hidden).toEqual({ comments: 2, entries: 1 });
    expect(await ids("2025-06-04")).toEqual([]);
    expect((await getRankedList({ start: DAY, end: DAY })).find((p) => p.id === "2506.00004")?.commentCount).toBe(0);
    expect((await listAudit({ action: "ban_user" }))[0]).toMatchObject({ targetId: "troll", reason: "abuse" });
    // The paper it took off the list has its own line in the log, and its page says so.
    expect((await listAudit({ targetType: "paper", targetId: "2506.00001" }))[0]).toMatchObject({
      action: "hide_entry",
      reason: "abuse",
      details: { day: "2025-06-04", ban: "troll" },
    });
    expect(await getPaper({ id: "2506.00001", primary: true })).toMatchObject({ removedFrom: ["2025-06-04"] });
  });

  it("lifts a ban, bringing back what it hid only when asked, and never what a moderator hid one by one", async () => {
    const liveComments = async (userId: string) =>
      rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from comments where author_id = ${userId} and hidden_at is null`))[0].n;
    const liveEntries = async (userId: string) =>
      rowsOf<{ n: number }>(await getDb().execute(sql`select count(*)::int as n from daily_entries where submitted_by_id = ${userId} and hidden_at is null`))[0].n;
    const banOnce = async (username: string, day: string) => {
      const user = { ...(await makeUser({ username })), role: "user" as const };
      const spam = await addComment({ actor: user, paperId: "2506.00004", parentId: null, body: "buy now" });
      await setCommentHidden({ actor: admin, commentId: spam.id, hidden: true, reason: "spam" }); // hidden on its own, before the ban
      await addComment({ actor: user, paperId: "2506.00004", parentId: null, body: "a fair point" });
      await listPaper({ paperId: "2506.00002", day, submittedById: user.id });
      await setUserBanned({ actor: admin, userId: user.id, banned: true, reason: "mistaken", hideContent: true });
      expect([await liveComments(user.id), await liveEntries(user.id)]).toEqual([0, 0]);
      return user;
    };

    const kept = await banOnce("unbanned_kept", "2025-06-05");
    expect(await setUserBanned({ actor: admin, userId: kept.id, banned: false })).toMatchObject({ stillHidden: { comments: 1, entries: 1 }, restored: { comments: 0, entries: 0 } });
    expect([await liveComments(kept.id), await liveEntries(kept.id)]).toEqual([0, 0]);

    const restored = await banOnce("unbanned_restored", "2025-06-06");
    expect(await setUserBanned({ actor: admin, userId: restored.id, banned: false, reason: "appeal upheld", restoreContent: true })).toMatchObject({ restored: { comments: 1, entries: 1 } });
    expect([await liveComments(restored.id), await liveEntries(restored.id)]).toEqual([1, 1]); // the spam stays hidden
    expect(await ids("2025-06-06")).toEqual(["2506.00002"]);
    expect((await listAudit({ action: "unban_user" }))[0]).toMatchObject({ targetId: "unbanned_restored", reason: "appeal upheld" });
  });

  it("refuses a second ban and lifting a ban that is not there, so lifting still restores what the ban hid", async () => {
    const user = { ...(await makeUser({ username: "banned_twice" })), role: "user" as const };
    await listPaper({ paperId: "2506.00003", day: "2025-06-07", submittedById: user.id });
    await setUserBanned({ actor: admin, userId: user.id, banned: true, reason: "spam", hideContent: true });
    const logged = (await listAudit({ targetType: "user", targetId: "banned_twice" })).length;

    // A second moderator, or a stale tab, bans again: refused, changing nothing.
    await expect(setUserBanned({ actor: admin, userId: user.id, banned: true, reason: "again" })).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringContaining("banned_twice is already banned"),
    });
    expect((await listAudit({ targetType: "user", targetId: "banned_twice" })).length).toBe(logged);

    expect(await setUserBanned({ actor: admin, userId: user.id, banned: false, restoreContent: true })).toMatchObject({ restored: { comments: 0, entries: 1 } });
    expect(await ids("2025-06-07")).toEqual(["2506.00003"]);
    expect((await listAudit({ targetType: "paper", targetId: "2506.00003" }))[0]).toMatchObject({ action: "unhide_entry", details: { day: "2025-06-07", unban: "banned_twice" } });
    await expect(setUserBanned({ actor: admin, userId: user.id, banned: false })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("is not banned") });
  });

  it("lists every comment for moderators, newest first, a page at a time", async () => {
    const author = { ...(await makeUser()), role: "user" as const };
    for (let i = 0; i < 5; i++) await addComment({ actor: author, paperId: "2506.00003", parentId: null, body: `page me ${i}` });
    const all = rowsOf<{ id: number }>(await getDb().execute(sql`select id from comments order by id desc`)).map((r) => r.id);
    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await recentComments({ limit: 2, before });
      seen.push(...page.comments.map((c) => c.id));
      if (page.older === null) break;
      expect(page.comments).toHaveLength(2);
      before = page.older;
    }
    expect(seen).toEqual(all); // each once, none left unreachable
  });

  it("promotes and demotes, but never one's own role", async () => {
    await setUserRole({ actor: admin, userId: reader.id, role: "admin" });
    await setUserRole({ actor: admin, userId: reader.id, role: "user" });
    await expect(setUserRole({ actor: admin, userId: admin.id, role: "user" })).rejects.toMatchObject({ code: "conflict" });
    expect((await listAudit({ targetType: "user", targetId: "plain" })).map((e) => e.action)).toEqual(["demote_user", "promote_user"]);
  });

  it("makes the first admin from the command line", async () => {
    const someone = await makeUser({ username: "founder", email: "founder@test.local" });
    expect(await promoteFromCommandLine({ emailOrUsername: "Founder@test.local" })).toEqual({ username: "founder", alreadyAdmin: false });
    expect(await promoteFromCommandLine({ emailOrUsername: "founder" })).toEqual({ username: "founder", alreadyAdmin: true });
    expect(await promoteFromCommandLine({ emailOrUsername: "nobody" })).toBeNull();
    const [row] = rowsOf<{ role: string }>(await getDb().execute(sql`select role from users where id = ${someone.id}`));
    expect(row.role).toBe("admin");
    // On the public log, once, with no admin as its actor: it came from the server's shell.
    expect(await listAudit({ action: "promote_user", targetId: "founder" })).toEqual([expect.objectContaining({ actorUsername: null })]);
  });

  // The embedded directory is open in this process, and only one process may open it.
  it.skipIf(!process.env.DATABASE_URL)("`npm run user:promote` makes an admin and says so", async () => {
    await makeUser({ username: "cli_user", email: "cli@test.local" });
    const env = { ...process.env, DATABASE_URL: config.kind === "server" ? config.url : "" };
    const run = (who: string) => spawnSync("npm", ["run", "--silent", "user:promote", "--", who], { encoding: "utf8", env });
    const first = run("cli@test.local");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("cli_user is now an admin.");
    expect((await listAudit({ targetType: "user", targetId: "cli_user" }))[0]).toMatchObject({ action: "promote_user", actorUsername: null });
    const unknown = run("nobody-at-all");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain("No user with the email or username");
  });
});

describe("the admin's user list", () => {
  it("lists the newest accounts first, and accounts made at the same moment by name", async () => {
    const together = new Date("2025-06-01T08:00:00Z");
    for (const username of ["listed_carol", "listed_alice", "listed_bob"]) await makeUser({ username, createdAt: together });
    await makeUser({ username: "listed_dave", createdAt: new Date("2025-06-01T09:00:00Z") });
    const people = await searchUsers({ query: "listed_" });
    expect(people.map((p) => p.username)).toEqual(["listed_dave", "listed_alice", "listed_bob", "listed_carol"]);
  });
});
