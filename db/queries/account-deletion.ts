import "server-only";
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { AppError } from "@/lib/errors";
import { getDb, type Tx } from "../client";
import { rowsOf } from "../rows";
import { accounts, commentFlags, dailyEntries, emailChanges, sessions, subscriptions, users, verificationTokens } from "../schema";

export type DeletedAccount = {
  /** The papers whose discussion lost a comment: their pages are re-rendered. */
  paperIds: string[];
  withdrawn: { paperVotes: number; commentVotes: number };
  erasedComments: number;
};

/**
 * Deletes a reader's account at their own request, in one transaction. What they wrote is erased
 * (their comments become "[deleted]", as if they had deleted each one, so replies keep their
 * place), their upvotes are withdrawn with the counters they moved, their digest mail stops, and
 * every session and sign-in method ends. The row stays as a tombstone with the id, the username and
 * the dates: the moderation log keeps its references, and nobody can take the name and pass as them.
 *
 * The counters change in the same statement as the rows they count (one snapshot), so a vote cast
 * by another of the reader's tabs meanwhile is either withdrawn and counted off, or neither.
 */
export async function deleteAccount({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<DeletedAccount> {
  return getDb().transaction(async (tx) => {
    // One deletion at a time. Two at once could deadlock (each withdraws votes from the other's
    // comments while erasing its own, or moves the same papers' counts in another order), and two
    // last admins leaving at once would each see the other. Deletions are rare; waiting is cheap.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('delete-account'))`);
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, userId), isNull(users.deletedAt)))
      .for("update");
    if (!user) throw new AppError("not_found", { message: "That account does not exist." });
    if (user.role === "admin") {
      // Otherwise the site could be left with nobody able to curate it but someone with shell access.
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), ne(users.id, userId), isNull(users.deletedAt), isNull(users.bannedAt)))
        .limit(1);
      if (!other) throw new AppError("conflict", { message: "You are the only admin: make someone else an admin before deleting your account." });
    }

    const paperVotes = await withdrawVotes(tx, userId, { votes: "votes", target: "paper_id", counted: "papers" });
    const commentVotes = await withdrawVotes(tx, userId, { votes: "comment_votes", target: "comment_id", counted: "comments" });
    // Live comments leave the papers' counts; hidden ones already left when they were hidden.
    // Comments the reader had deleted before keep their words erased too.
    const erased = rowsOf<{ paper_id: string; was_counted: boolean }>(await tx.execute(sql`
      with mine as (
             select id, paper_id, (deleted_at is null and hidden_at is null) as was_counted
             from comments where author_id = ${userId} for update
           ),
           erased as (
             update comments set body = '', deleted_at = coalesce(comments.deleted_at, ${now.toISOString()}::timestamptz), edited_at = null
             from mine where comments.id = mine.id
             returning mine.paper_id, mine.was_counted
           ),
           moved as (
             update papers set comment_count = papers.comment_count - e.n
             from (select paper_id, count(*)::int as n from erased where was_counted group by paper_id) e
             where papers.id = e.paper_id
           )
      select paper_id, was_counted from erased`));

    // The digest to the account's address stops. One made for an address the account has since
    // moved away from stays with that inbox (as /settings says), no longer linked to the account.
    if (user.email) {
      await tx.delete(subscriptions).where(eq(subscriptions.email, user.email.normalize("NFKC").toLowerCase()));
      await tx.delete(verificationTokens).where(eq(verificationTokens.identifier, user.email));
    }
    await tx.update(subscriptions).set({ userId: null }).where(eq(subscriptions.userId, userId));
    // Papers they submitted stay listed, credited to nobody (as the foreign key does for a deleted row).
    await tx.update(dailyEntries).set({ submittedById: null }).where(eq(dailyEntries.submittedById, userId));
    await tx.delete(accounts).where(eq(accounts.userId, userId));
    await tx.delete(emailChanges).where(eq(emailChanges.userId, userId));
    await tx.delete(commentFlags).where(eq(commentFlags.userId, userId)); // like their votes, their flags go
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    // Every cookie carries the old session version: moving it on signs out every browser.
    await tx
      .update(users)
      .set({ name: null, email: null, emailVerified: null, image: null, passwordHash: null, sessionVersion: sql`${users.sessionVersion} + 1`, deletedAt: now })
      .where(eq(users.id, userId));

    return {
      paperIds: [...new Set(erased.map((row) => row.paper_id))],
      withdrawn: { paperVotes, commentVotes },
      erasedComments: erased.length,
    };
  });
}

/**
 * Deletes a reader's votes of one kind and takes each off the count it moved, in one statement
 * (one snapshot): a vote committed meanwhile is either withdrawn and counted off, or neither.
 */
async function withdrawVotes(
  tx: Tx,
  userId: string,
  kind: { votes: "votes"; target: "paper_id"; counted: "papers" } | { votes: "comment_votes"; target: "comment_id"; counted: "comments" },
): Promise<number> {
  const [row] = rowsOf<{ count: number }>(
    await tx.execute(sql`
      with withdrawn as (delete from ${sql.identifier(kind.votes)} where user_id = ${userId} returning ${sql.identifier(kind.target)} as target_id),
           moved as (
             update ${sql.identifier(kind.counted)} counted set upvote_count = counted.upvote_count - w.n
             from (select target_id, count(*)::int as n from withdrawn group by target_id) w
             where counted.id = w.target_id
           )
      select count(*)::int as count from withdrawn`),
  );
  return row?.count ?? 0;
}
