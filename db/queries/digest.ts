import "server-only";
import { and, asc, eq, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "../client";
import { rowsOf } from "../rows";
import { digestSends, subscriptions, type DigestFrequency } from "../schema";

// The digest job's bookkeeping. A send moves pending → sent, or pending → failed → pending (a
// retry) → …; the unique (subscription_id, period) row and the single-statement claim below are
// what make two runs at once, or a run repeated, send each digest once.

export type DigestCandidate = {
  subscriptionId: number;
  email: string;
  unsubscribeToken: string;
  period: string;
  /** The earlier attempt at this digest, if any (never "sent": those are not candidates). */
  sendStatus: "pending" | "failed" | null;
  attempts: number;
  claimedAt: Date | null;
};

const candidateColumns = {
  subscriptionId: subscriptions.id,
  email: subscriptions.email,
  unsubscribeToken: subscriptions.unsubscribeToken,
  sendStatus: digestSends.status,
  attempts: digestSends.attempts,
  claimedAt: digestSends.claimedAt,
};

/** Active subscribers of `frequency` whose digest for `period` has not been sent. */
export async function listDueSubscribers({ frequency, period }: { frequency: DigestFrequency; period: string }): Promise<DigestCandidate[]> {
  const rows = await getDb()
    .select(candidateColumns)
    .from(subscriptions)
    .leftJoin(digestSends, and(eq(digestSends.subscriptionId, subscriptions.id), eq(digestSends.period, period)))
    .where(and(eq(subscriptions.status, "active"), eq(subscriptions.frequency, frequency), sql`${digestSends.status} is distinct from 'sent'`))
    .orderBy(asc(subscriptions.id));
  return rows.map((row) => ({ ...row, period, sendStatus: asUnsent(row.sendStatus), attempts: row.attempts ?? 0 }));
}

/**
 * Failed sends of other (earlier) periods that may still be retried: the subscriber is still
 * active, still wants that frequency, and the send has attempts left.
 */
export async function listRetryableSends({ exceptPeriods, maxAttempts }: { exceptPeriods: string[]; maxAttempts: number }): Promise<DigestCandidate[]> {
  const rows = await getDb()
    .select({ ...candidateColumns, period: digestSends.period })
    .from(digestSends)
    .innerJoin(subscriptions, eq(subscriptions.id, digestSends.subscriptionId))
    .where(
      and(
        eq(digestSends.status, "failed"),
        lt(digestSends.attempts, maxAttempts),
        eq(subscriptions.status, "active"),
        eq(subscriptions.frequency, sql`split_part(${digestSends.period}, ':', 1)`),
        exceptPeriods.length > 0 ? notInArray(digestSends.period, exceptPeriods) : undefined,
      ),
    )
    .orderBy(asc(digestSends.period), asc(subscriptions.id));
  return rows.map((row) => ({ ...row, sendStatus: asUnsent(row.sendStatus), attempts: row.attempts ?? 0 }));
}

function asUnsent(status: "pending" | "sent" | "failed" | null): "pending" | "failed" | null {
  return status === "sent" ? null : status;
}

/**
 * Takes the right to send one digest, in one statement: a new row, or a failed row with attempts
 * left, becomes "pending" for this run. Null when another run holds or finished it, or the
 * subscriber is no longer active. Postgres locks the conflicting row while it decides, so of two
 * runs claiming at once exactly one gets a row back.
 */
export async function claimDigestSend({
  subscriptionId,
  period,
  maxAttempts,
  now = new Date(),
}: {
  subscriptionId: number;
  period: string;
  maxAttempts: number;
  now?: Date;
}): Promise<{ id: number; attempts: number } | null> {
  const rows = rowsOf<{ id: number; attempts: number }>(
    await getDb().execute(sql`
    insert into ${digestSends} (subscription_id, period, status, attempts, claimed_at)
    select ${subscriptions.id}, ${period}, 'pending', 1, ${now.toISOString()}::timestamptz
    from ${subscriptions}
    where ${subscriptions.id} = ${subscriptionId} and ${subscriptions.status} = 'active'
    on conflict (subscription_id, period) do update
      set status = 'pending', attempts = ${digestSends.attempts} + 1, claimed_at = excluded.claimed_at
      where ${digestSends.status} = 'failed' and ${digestSends.attempts} < ${maxAttempts}
    returning id, attempts`),
  );
  return rows[0] ? { id: Number(rows[0].id), attempts: Number(rows[0].attempts) } : null;
}

export async function markDigestSent({ id, messageId, now = new Date() }: { id: number; messageId: string; now?: Date }): Promise<void> {
  await getDb()
    .update(digestSends)
    .set({ status: "sent", sentAt: now, messageId, lastError: null })
    .where(and(eq(digestSends.id, id), eq(digestSends.status, "pending")));
}

export async function markDigestFailed({ id, error }: { id: number; error: string }): Promise<void> {
  await getDb()
    .update(digestSends)
    .set({ status: "failed", lastError: error.slice(0, 1000) })
    .where(and(eq(digestSends.id, id), eq(digestSends.status, "pending")));
}

export type InterruptedSend = { id: number; subscriptionId: number; email: string; period: string; claimedAt: Date; attempts: number };

/** Claims older than any send can take: the run holding them died, maybe after the mail left. */
export async function listInterruptedSends({ claimedBefore }: { claimedBefore: Date }): Promise<InterruptedSend[]> {
  return getDb()
    .select({
      id: digestSends.id,
      subscriptionId: digestSends.subscriptionId,
      email: subscriptions.email,
      period: digestSends.period,
      claimedAt: digestSends.claimedAt,
      attempts: digestSends.attempts,
    })
    .from(digestSends)
    .innerJoin(subscriptions, eq(subscriptions.id, digestSends.subscriptionId))
    .where(interrupted(claimedBefore))
    .orderBy(asc(digestSends.claimedAt));
}

/**
 * An operator's decision that interrupted sends may go again (accepting that some reader may
 * get a second copy): they become failed with an attempt left, so this run retries them.
 */
export async function releaseInterruptedSends({ claimedBefore, maxAttempts }: { claimedBefore: Date; maxAttempts: number }): Promise<number> {
  const rows = await getDb()
    .update(digestSends)
    .set({
      status: "failed",
      attempts: sql`least(${digestSends.attempts}, ${maxAttempts - 1})`,
      lastError: "Interrupted mid-send; released for another attempt by --resend-interrupted",
    })
    .where(interrupted(claimedBefore))
    .returning({ id: digestSends.id });
  return rows.length;
}

function interrupted(claimedBefore: Date): SQL | undefined {
  return and(eq(digestSends.status, "pending"), lt(digestSends.claimedAt, claimedBefore));
}


