import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb } from "../client";
import { subscriptions, type DigestFrequency } from "../schema";

// Digest subscriptions: a request waits for its emailed link; only the link activates it.

/**
 * Files a confirmation request for an address, creating its row on first use. The row's current
 * state (active, unsubscribed, …) is kept until the link is used, so a request made by someone
 * else neither stops nor starts anything.
 */
export async function recordSubscriptionRequest({
  email,
  frequency,
  confirmTokenHash,
  confirmExpiresAt,
  unsubscribeToken,
}: {
  email: string;
  frequency: DigestFrequency;
  confirmTokenHash: string;
  confirmExpiresAt: Date;
  /** Used only if the address is new. */
  unsubscribeToken: string;
}): Promise<void> {
  await getDb()
    .insert(subscriptions)
    .values({ email, frequency, status: "pending", requestedFrequency: frequency, confirmTokenHash, confirmExpiresAt, unsubscribeToken })
    .onConflictDoUpdate({
      target: subscriptions.email,
      set: { requestedFrequency: frequency, confirmTokenHash, confirmExpiresAt },
    });
}

/** A signed-in reader's own verified address needs no emailed link: it is active at once. */
export async function activateVerifiedSubscription({
  email,
  frequency,
  userId,
  unsubscribeToken,
  now = new Date(),
}: {
  email: string;
  frequency: DigestFrequency;
  userId: string;
  unsubscribeToken: string;
  now?: Date;
}): Promise<void> {
  const activated = { frequency, status: "active" as const, userId, confirmedAt: now, unsubscribedAt: null, ...noOpenRequest };
  await getDb()
    .insert(subscriptions)
    .values({ email, unsubscribeToken, ...activated })
    .onConflictDoUpdate({ target: subscriptions.email, set: activated });
}

const noOpenRequest = { requestedFrequency: null, confirmTokenHash: null, confirmExpiresAt: null };

/** The open request behind a confirmation link, if the link is current. Reads only. */
export async function findConfirmation({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  const [row] = await getDb()
    .select({ email: subscriptions.email, frequency: subscriptions.requestedFrequency })
    .from(subscriptions)
    .where(and(eq(subscriptions.confirmTokenHash, tokenHash), gt(subscriptions.confirmExpiresAt, now)))
    .limit(1);
  return row?.frequency ? { email: row.email, frequency: row.frequency } : null;
}

/** Uses a confirmation link: the address becomes active with the frequency it asked for. Once. */
export async function confirmSubscription({ tokenHash, now = new Date() }: { tokenHash: string; now?: Date }) {
  const [row] = await getDb()
    .update(subscriptions)
    .set({
      status: "active",
      frequency: sql`coalesce(${subscriptions.requestedFrequency}, ${subscriptions.frequency})`,
      confirmedAt: now,
      unsubscribedAt: null,
      ...noOpenRequest,
    })
    .where(and(eq(subscriptions.confirmTokenHash, tokenHash), gt(subscriptions.confirmExpiresAt, now)))
    .returning({ email: subscriptions.email, frequency: subscriptions.frequency });
  return row ?? null;
}

export async function findByUnsubscribeToken({ token }: { token: string }) {
  const [row] = await getDb()
    .select({ email: subscriptions.email, frequency: subscriptions.frequency, status: subscriptions.status })
    .from(subscriptions)
    .where(eq(subscriptions.unsubscribeToken, token))
    .limit(1);
  return row ?? null;
}

/**
 * Stops all mail to the address behind an unsubscribe token. Repeating it changes nothing, and
 * an open confirmation link stops working too, so nothing resubscribes the address but a new request.
 */
export async function unsubscribe({ token, now = new Date() }: { token: string; now?: Date }) {
  const [row] = await getDb()
    .update(subscriptions)
    .set({
      status: "unsubscribed",
      unsubscribedAt: sql`case when ${subscriptions.status} = 'unsubscribed' then ${subscriptions.unsubscribedAt} else ${now.toISOString()}::timestamptz end`,
      ...noOpenRequest,
    })
    .where(eq(subscriptions.unsubscribeToken, token))
    .returning({ email: subscriptions.email });
  return row ?? null;
}

/** What a signed-in reader with a verified address sees about their own subscription. */
export async function findSubscriptionByEmail({ email }: { email: string }) {
  const [row] = await getDb()
    .select({ frequency: subscriptions.frequency, status: subscriptions.status, unsubscribeToken: subscriptions.unsubscribeToken })
    .from(subscriptions)
    .where(eq(subscriptions.email, email))
    .limit(1);
  return row ?? null;
}
