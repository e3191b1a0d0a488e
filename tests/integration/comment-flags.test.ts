import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listAudit } from "@/db/queries/audit";
import { countFlaggedComments, dismissFlags, flagComment, flaggedComments, withdrawFlag } from "@/db/queries/comment-flags";
import { getReaderCommentVotes } from "@/db/queries/votes";
import { deleteAccount } from "@/db/queries/account-deletion";
import { addComment, deleteComment } from "@/db/queries/comments";
import { setCommentHidden } from "@/db/queries/moderation";
import { commentFlags, comments, users, type User } from "@/db/schema";
import { rejection } from "../support/rejection";
import { createTestDatabase } from "../support/test-database";
import { makePaper, makeUser } from "../support/fixtures";

// Readers flag others' comments for the moderators; /admin/comments?flagged=1 lists them.

let drop: () => Promise<void>;
let author: User;
let readers: User[];
let admin: User;
const PAPER = "2508.00001";

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
  author = await makeUser({ username: "flagged_author" });
  admin = await makeUser({ username: "flag_admin", role: "admin" });
  readers = [];
  for (let i = 0; i < 6; i++) readers.push(await makeUser({ username: `flagger_${i}` }));
  await makePaper({ id: PAPER });
});

afterAll(async () => {
  await drop();
});

const flagsOn = async (commentId: number) => getDb().select().from(commentFlags).where(eq(commentFlags.commentId, commentId));

describe("flagging a comment", () => {
  it("counts one flag per reader, however often they flag it, with their latest reason", async () => {
    const { id } = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Buy my course" });
    await flagComment({ actor: readers[0], commentId: id, reason: "spam" });
    await flagComment({ actor: readers[0], commentId: id, reason: "off-topic" });
    // Several readers at the same moment: each counts once.
    await Promise.all(readers.slice(1, 5).map((reader) => flagComment({ actor: reader, commentId: id, reason: "spam" })));
    expect((await flagsOn(id)).length).toBe(5);
    const [listed] = (await flaggedComments()).filter((c) => c.id === id);
    expect(listed).toMatchObject({ flags: 5, reasons: { spam: 4, "off-topic": 1 }, author: "flagged_author", body: "Buy my course" });
  });

  it("refuses flags on one's own comment, on a comment that is gone, and from a suspended reader, changing nothing", async () => {
    const own = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Mine" });
    expect(await rejection(flagComment({ actor: author, commentId: own.id, reason: "spam" }))).toMatchObject({ code: "forbidden", message: expect.stringContaining("your own comment") });

    await deleteComment({ actor: author, commentId: own.id });
    expect(await rejection(flagComment({ actor: readers[0], commentId: own.id, reason: "spam" }))).toMatchObject({ code: "conflict" });

    const live = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Live" });
    const suspended = { ...readers[5], bannedAt: new Date() };
    expect(await rejection(flagComment({ actor: suspended, commentId: live.id, reason: "abuse" }))).toMatchObject({ code: "forbidden:banned" });
    expect(await rejection(flagComment({ actor: readers[0], commentId: 2 ** 31 - 1, reason: "abuse" }))).toMatchObject({ code: "not_found" });
    expect(await flagsOn(own.id)).toEqual([]);
    expect(await flagsOn(live.id)).toEqual([]);
  });

  it("is settled by hiding the comment, or dismissed by an admin with a line in the log", async () => {
    const hidden = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Rude words" });
    const fine = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "A sharp but fair point" });
    for (const commentId of [hidden.id, fine.id]) await flagComment({ actor: readers[0], commentId, reason: "abuse" });
    const before = await countFlaggedComments();

    await setCommentHidden({ actor: admin, commentId: hidden.id, hidden: true, reason: "abuse" });
    expect(await flagsOn(hidden.id)).toEqual([]);
    expect(await countFlaggedComments()).toBe(before - 1);

    expect(await rejection(dismissFlags({ actor: readers[1], commentId: fine.id }))).toMatchObject({ code: "forbidden:role" });
    expect(await flagsOn(fine.id)).toHaveLength(1);
    expect(await dismissFlags({ actor: admin, commentId: fine.id, reason: "fair criticism" })).toEqual({ dismissed: 1 });
    expect((await flaggedComments()).map((c) => c.id)).not.toContain(fine.id);
    expect((await listAudit({ action: "dismiss_flags", includePrivate: true }))[0]).toMatchObject({ targetId: String(fine.id), reason: "fair criticism" });
    // Not on the public log: it would tell everyone which comments were flagged.
    expect(await listAudit({ action: "dismiss_flags" })).toEqual([]);
    expect(await rejection(dismissFlags({ actor: admin, commentId: fine.id }))).toMatchObject({ code: "conflict" }); // nothing left
  });

  it("lists the most flagged first", async () => {
    const once = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Flagged once" });
    const thrice = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Flagged three times" });
    await flagComment({ actor: readers[0], commentId: once.id, reason: "other" });
    for (const reader of readers.slice(0, 3)) await flagComment({ actor: reader, commentId: thrice.id, reason: "spam" });
    const order = (await flaggedComments()).map((c) => c.id);
    expect(order.indexOf(thrice.id)).toBeLessThan(order.indexOf(once.id));
    expect(await flagsOn(thrice.id)).toHaveLength(3);
  });

  it("counts only flags on live comments, from readers who are neither suspended nor gone", async () => {
    const deleted = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Soon deleted" });
    const flaggedBySpammer = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "A good comment" });
    const hiddenByModerator = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Soon hidden" });
    await flagComment({ actor: readers[0], commentId: deleted.id, reason: "spam" });
    await flagComment({ actor: readers[0], commentId: hiddenByModerator.id, reason: "spam" });
    const spammer = await makeUser({ username: "mass_flagger" });
    const leaver = await makeUser({ username: "flag_then_leave" });
    await flagComment({ actor: spammer, commentId: flaggedBySpammer.id, reason: "abuse" });
    await flagComment({ actor: leaver, commentId: flaggedBySpammer.id, reason: "other" });
    const listed = async () => (await flaggedComments()).find((c) => c.id === flaggedBySpammer.id);
    expect(await listed()).toMatchObject({ flags: 2, reasons: { abuse: 1, other: 1 } });

    await deleteComment({ actor: author, commentId: deleted.id });
    await getDb().update(comments).set({ hiddenAt: new Date() }).where(eq(comments.id, hiddenByModerator.id)); // as a ban hides it
    const ids = (await flaggedComments()).map((c) => c.id);
    expect(ids).not.toContain(deleted.id);
    expect(ids).not.toContain(hiddenByModerator.id);

    await getDb().update(users).set({ bannedAt: new Date() }).where(eq(users.id, spammer.id));
    expect(await listed()).toMatchObject({ flags: 1, reasons: { other: 1 } });
    await deleteAccount({ userId: leaver.id });
    expect(await listed()).toBeUndefined();
    expect(await getDb().select().from(commentFlags).where(eq(commentFlags.userId, leaver.id))).toEqual([]); // erased with the account
  });

  it("shows readers their own flags, with the reason, and lets them withdraw one, changing nothing else", async () => {
    const [mine, theirs] = [readers[2], readers[3]];
    const unflagged = await makeUser({ username: "never_flags" });
    const { id } = await addComment({ actor: author, paperId: PAPER, parentId: null, body: "Contested" });
    await flagComment({ actor: mine, commentId: id, reason: "off-topic" });
    await flagComment({ actor: theirs, commentId: id, reason: "abuse" });
    expect((await getReaderCommentVotes({ userId: mine.id, paperId: PAPER })).flagged[id]).toBe("off-topic");
    expect((await getReaderCommentVotes({ userId: unflagged.id, paperId: PAPER })).flagged).toEqual({});

    await withdrawFlag({ actor: mine, commentId: id });
    expect((await flagsOn(id)).map((f) => f.userId)).toEqual([theirs.id]);
    expect((await getReaderCommentVotes({ userId: mine.id, paperId: PAPER })).flagged[id]).toBeUndefined();
    // Withdrawn twice, or never made, or by a suspended reader: refused, nothing changes.
    expect(await rejection(withdrawFlag({ actor: mine, commentId: id }))).toMatchObject({ code: "conflict" });
    expect(await rejection(withdrawFlag({ actor: unflagged, commentId: id }))).toMatchObject({ code: "conflict" });
    expect(await rejection(withdrawFlag({ actor: { ...theirs, bannedAt: new Date() }, commentId: id }))).toMatchObject({ code: "forbidden:banned" });
    expect((await flagsOn(id)).map((f) => f.userId)).toEqual([theirs.id]);
  });
});
