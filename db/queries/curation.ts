import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, max, sql } from "drizzle-orm";
import { assertAdmin } from "@/lib/admin-guard";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { getDb, type Tx } from "../client";
import { dailyEntries, papers, users } from "../schema";
import { writeAudit } from "./audit";

// An admin's tools for one day of the list. Each change and its audit row share a transaction.

export type CurationEntry = {
  entryId: number;
  paperId: string;
  title: string;
  upvoteCount: number;
  commentCount: number;
  submittedAt: Date;
  submitter: string | null;
  pinnedPosition: number | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
};

/** Every entry of a day, hidden ones included, in public rank order (hidden last). */
export async function getDayForCuration({ day }: { day: string }): Promise<CurationEntry[]> {
  return getDb()
    .select({
      entryId: dailyEntries.id,
      paperId: papers.id,
      title: papers.title,
      upvoteCount: papers.upvoteCount,
      commentCount: papers.commentCount,
      submittedAt: dailyEntries.submittedAt,
      submitter: users.username,
      pinnedPosition: dailyEntries.pinnedPosition,
      hiddenAt: dailyEntries.hiddenAt,
      hiddenReason: dailyEntries.hiddenReason,
    })
    .from(dailyEntries)
    .innerJoin(papers, eq(papers.id, dailyEntries.paperId))
    .leftJoin(users, eq(users.id, dailyEntries.submittedById))
    .where(eq(dailyEntries.day, day))
    .orderBy(
      sql`${dailyEntries.hiddenAt} is not null`,
      sql`${dailyEntries.pinnedPosition} asc nulls last`,
      desc(papers.upvoteCount),
      asc(dailyEntries.submittedAt),
      asc(papers.id),
    );
}

async function lockEntry(tx: Tx, entryId: number) {
  const [entry] = await tx.select().from(dailyEntries).where(eq(dailyEntries.id, entryId)).for("update");
  if (!entry) throw new AppError("not_found", { message: "That list entry does not exist." });
  return entry;
}

/** Puts a catalogued paper on a day's list, submitted by the admin. */
export async function addPaperToDay({ actor, paperId, day }: { actor: Actor; paperId: string; day: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [paper] = await tx.select({ id: papers.id }).from(papers).where(eq(papers.id, paperId));
    if (!paper) throw new AppError("not_found", { message: `Paper ${paperId} is not in the catalogue.` });
    const inserted = await tx
      .insert(dailyEntries)
      .values({ paperId, day, submittedById: actor.id })
      .onConflictDoNothing()
      .returning({ id: dailyEntries.id });
    if (inserted.length === 0) throw new AppError("conflict", { message: `${paperId} is already on the list for ${day}.` });
    await writeAudit(tx, { actorId: actor.id, action: "add_to_day", targetType: "paper", targetId: paperId, details: { day } });
    return { entryId: inserted[0].id };
  });
}

export async function hideEntry({ actor, entryId, reason }: { actor: Actor; entryId: number; reason: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (entry.hiddenAt) throw new AppError("conflict", { message: "That paper is already hidden from the list." });
    await tx.update(dailyEntries).set({ hiddenAt: new Date(), hiddenReason: reason, pinnedPosition: null }).where(eq(dailyEntries.id, entryId));
    if (entry.pinnedPosition !== null) await closePinGaps(tx, entry.day);
    await writeAudit(tx, { actorId: actor.id, action: "hide_entry", targetType: "paper", targetId: entry.paperId, reason, details: { day: entry.day } });
    return { day: entry.day };
  });
}

export async function unhideEntry({ actor, entryId, reason }: { actor: Actor; entryId: number; reason?: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (!entry.hiddenAt) throw new AppError("conflict", { message: "That paper is not hidden." });
    await tx.update(dailyEntries).set({ hiddenAt: null, hiddenReason: null }).where(eq(dailyEntries.id, entryId));
    await writeAudit(tx, { actorId: actor.id, action: "unhide_entry", targetType: "paper", targetId: entry.paperId, reason, details: { day: entry.day } });
    return { day: entry.day };
  });
}

/**
 * Numbers a day's visible pins 1..n in their order, after one left (unpinned, hidden, moved away):
 * a lone pin reads "Pinned #1", and the next pin goes right below the others.
 */
async function closePinGaps(tx: Tx, day: string) {
  await tx.execute(sql`
    update daily_entries d set pinned_position = r.position
    from (
      select id, row_number() over (order by pinned_position, id)::int as position
      from daily_entries where day = ${day} and pinned_position is not null and hidden_at is null
    ) r
    where d.id = r.id and d.pinned_position <> r.position`);
}

/** Pins an entry below the day's other pins. */
export async function pinEntry({ actor, entryId }: { actor: Actor; entryId: number }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (entry.hiddenAt) throw new AppError("conflict", { message: "Unhide the paper before pinning it." });
    if (entry.pinnedPosition !== null) return { day: entry.day };
    const [{ last }] = await tx
      .select({ last: max(dailyEntries.pinnedPosition) })
      .from(dailyEntries)
      .where(and(eq(dailyEntries.day, entry.day), isNotNull(dailyEntries.pinnedPosition)));
    const position = (last ?? 0) + 1;
    await tx.update(dailyEntries).set({ pinnedPosition: position }).where(eq(dailyEntries.id, entryId));
    await writeAudit(tx, { actorId: actor.id, action: "pin_entry", targetType: "paper", targetId: entry.paperId, details: { day: entry.day, position } });
    return { day: entry.day };
  });
}

export async function unpinEntry({ actor, entryId }: { actor: Actor; entryId: number }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (entry.pinnedPosition === null) return { day: entry.day };
    await tx.update(dailyEntries).set({ pinnedPosition: null }).where(eq(dailyEntries.id, entryId));
    await closePinGaps(tx, entry.day);
    await writeAudit(tx, { actorId: actor.id, action: "unpin_entry", targetType: "paper", targetId: entry.paperId, details: { day: entry.day } });
    return { day: entry.day };
  });
}

/** Swaps a pinned entry with its neighbour above or below. */
export async function movePinnedEntry({ actor, entryId, direction }: { actor: Actor; entryId: number; direction: "up" | "down" }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (entry.pinnedPosition === null) throw new AppError("conflict", { message: "Only pinned papers can be reordered." });
    const pinned = await tx
      .select({ id: dailyEntries.id, position: dailyEntries.pinnedPosition })
      .from(dailyEntries)
      .where(and(eq(dailyEntries.day, entry.day), isNotNull(dailyEntries.pinnedPosition), isNull(dailyEntries.hiddenAt)))
      .orderBy(asc(dailyEntries.pinnedPosition))
      .for("update");
    const index = pinned.findIndex((p) => p.id === entryId);
    const other = direction === "up" ? index - 1 : index + 1;
    if (!pinned[other]) return { day: entry.day };
    // Renumber 1..n in the new order, so positions stay dense and unique.
    const order = pinned.map((p) => p.id);
    [order[index], order[other]] = [order[other], order[index]];
    for (const [i, id] of order.entries()) await tx.update(dailyEntries).set({ pinnedPosition: i + 1 }).where(eq(dailyEntries.id, id));
    await writeAudit(tx, { actorId: actor.id, action: "reorder_pins", targetType: "paper", targetId: entry.paperId, details: { day: entry.day, direction } });
    return { day: entry.day };
  });
}

export async function moveEntryToDay({ actor, entryId, toDay, reason }: { actor: Actor; entryId: number; toDay: string; reason?: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const entry = await lockEntry(tx, entryId);
    if (entry.day === toDay) return { from: entry.day, to: toDay };
    const [clash] = await tx
      .select({ id: dailyEntries.id })
      .from(dailyEntries)
      .where(and(eq(dailyEntries.paperId, entry.paperId), eq(dailyEntries.day, toDay)));
    if (clash) throw new AppError("conflict", { message: `${entry.paperId} is already listed on ${toDay}.` });
    await tx.update(dailyEntries).set({ day: toDay, pinnedPosition: null }).where(eq(dailyEntries.id, entryId));
    if (entry.pinnedPosition !== null) await closePinGaps(tx, entry.day);
    await writeAudit(tx, {
      actorId: actor.id,
      action: "move_entry",
      targetType: "paper",
      targetId: entry.paperId,
      reason,
      details: { from: entry.day, to: toDay },
    });
    return { from: entry.day, to: toDay };
  });
}

export type PaperChanges = Partial<{ title: string; abstract: string; githubRepo: string | null; projectPage: string | null }>;

/** Fixes a paper's metadata or sets its code and project links; the log records what changed. */
export async function updatePaperDetails({ actor, paperId, changes, reason }: { actor: Actor; paperId: string; changes: PaperChanges; reason?: string }) {
  assertAdmin(actor);
  return getDb().transaction(async (tx) => {
    const [before] = await tx.select().from(papers).where(eq(papers.id, paperId)).for("update");
    if (!before) throw new AppError("not_found", { message: `Paper ${paperId} does not exist.` });
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([key, value]) => value !== undefined && before[key as keyof typeof before] !== value),
    ) as PaperChanges;
    if (Object.keys(changed).length === 0) return { changed: [] as string[] };
    await tx.update(papers).set(changed).where(eq(papers.id, paperId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: "edit_paper",
      targetType: "paper",
      targetId: paperId,
      reason,
      details: { fields: Object.keys(changed) },
    });
    return { changed: Object.keys(changed) };
  });
}
