import { relations, type SQL, sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { FLAG_REASONS } from "../lib/flag-reasons";

// Drizzle has no built-in tsvector type; the value is only ever read by SQL, never by TypeScript.
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

// ---------------------------------------------------------------------------------------------
// Accounts: the shape @auth/drizzle-adapter expects, plus our own profile and moderation fields.
// ---------------------------------------------------------------------------------------------

export const users = pgTable(
  "users",
  {
    id: text("id")
      .primaryKey()
      .$defaultFn(() => crypto.randomUUID()),
    name: text("name"),
    email: text("email").unique(),
    emailVerified: timestamp("email_verified", { withTimezone: true, mode: "date" }),
    image: text("image"),
    username: text("username").unique(),
    passwordHash: text("password_hash"),
    role: text("role", { enum: ["user", "admin"] }).notNull().default("user"),
    bannedAt: timestamp("banned_at", { withTimezone: true }),
    // Copied into the session cookie at sign-in; signing out increments it, so every cookie
    // issued before then stops working even though JWT cookies cannot be revoked one by one.
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
    // Set when the owner deleted the account (db/queries/account-deletion.ts): the row stays as a
    // tombstone holding only the id and the username (kept so nobody can take it and pass as them).
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [check("users_role_check", sql`${t.role} in ('user', 'admin')`)],
);

export const accounts = pgTable(
  "accounts",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    refresh_token: text("refresh_token"),
    access_token: text("access_token"),
    expires_at: integer("expires_at"),
    token_type: text("token_type"),
    scope: text("scope"),
    id_token: text("id_token"),
    session_state: text("session_state"),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_user_idx").on(t.userId)],
);

export const sessions = pgTable(
  "sessions",
  {
    sessionToken: text("session_token").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

export const verificationTokens = pgTable(
  "verification_tokens",
  {
    identifier: text("identifier").notNull(),
    token: text("token").notNull(),
    expires: timestamp("expires", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.identifier, t.token] })],
);

// ---------------------------------------------------------------------------------------------
// The catalogue: papers as arXiv knows them, independent of whether they were ever listed.
// ---------------------------------------------------------------------------------------------

export const papers = pgTable(
  "papers",
  {
    // arXiv identifier without its version: "2401.12345" or "hep-th/9901001".
    id: text("id").primaryKey(),
    latestVersion: integer("latest_version").notNull().default(1),
    title: text("title").notNull(),
    abstract: text("abstract").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }),
    categories: text("categories").array().notNull().default(sql`'{}'::text[]`),
    primaryCategory: text("primary_category"),
    githubRepo: text("github_repo"),
    projectPage: text("project_page"),
    // Denormalised counters, moved in the same transaction as the rows they count.
    upvoteCount: integer("upvote_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    createdAt: createdAt(),
    // Search. Authors live in paper_authors, but a generated column can only read its own row, so
    // their names are copied here by triggers on paper_authors (the migration named search_author_names):
    // whatever writes authors — seed, catalogue import, admin, raw SQL — keeps search in sync without
    // having to remember a call. Never write this column yourself; the next author change overwrites it.
    authorNames: text("author_names").notNull().default(""),
    // Title (A) > authors (B) > abstract (C); db/queries/search.ts ranks with these weights. Postgres
    // recomputes it whenever title, abstract or author_names change, in the same statement.
    // 'paperboard' is English with accents folded first (migration 0012): Schrodinger finds Schrödinger.
    searchVector: tsvector("search_vector")
      .notNull()
      .generatedAlwaysAs(
        (): SQL =>
          sql`setweight(to_tsvector('paperboard', ${papers.title}), 'A') || setweight(to_tsvector('paperboard', ${papers.authorNames}), 'B') || setweight(to_tsvector('paperboard', ${papers.abstract}), 'C')`,
      ),
  },
  (t) => [
    check("papers_upvote_count_check", sql`${t.upvoteCount} >= 0`),
    check("papers_comment_count_check", sql`${t.commentCount} >= 0`),
    index("papers_search_idx").using("gin", t.searchVector),
  ],
);

export const paperAuthors = pgTable(
  "paper_authors",
  {
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    affiliation: text("affiliation"),
  },
  (t) => [primaryKey({ columns: [t.paperId, t.position] })],
);

// ---------------------------------------------------------------------------------------------
// The curated list: which paper is on which day. Hidden entries stay (curation leaves a trail).
// ---------------------------------------------------------------------------------------------

export const dailyEntries = pgTable(
  "daily_entries",
  {
    id: serial("id").primaryKey(),
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    day: date("day", { mode: "string" }).notNull(),
    submittedById: text("submitted_by_id").references(() => users.id, { onDelete: "set null" }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }).notNull().defaultNow(),
    // Pinned entries come first, by ascending position; null means ranked by votes.
    pinnedPosition: integer("pinned_position"),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    uniqueIndex("daily_entries_paper_day_uq").on(t.paperId, t.day),
    // Serves the day/week/month list and the previous/next-day lookups.
    index("daily_entries_visible_day_idx").on(t.day).where(sql`${t.hiddenAt} is null`),
    index("daily_entries_submitter_idx").on(t.submittedById),
  ],
);

// ---------------------------------------------------------------------------------------------
// Community: one vote per user per paper (the key enforces it), threaded comments.
// ---------------------------------------------------------------------------------------------

export const votes = pgTable(
  "votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.paperId] }), index("votes_paper_idx").on(t.paperId, t.createdAt)],
);

export const comments = pgTable(
  "comments",
  {
    id: serial("id").primaryKey(),
    paperId: text("paper_id")
      .notNull()
      .references(() => papers.id, { onDelete: "cascade" }),
    authorId: text("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    depth: integer("depth").notNull().default(0),
    body: text("body").notNull(),
    upvoteCount: integer("upvote_count").notNull().default(0),
    createdAt: createdAt(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    hiddenAt: timestamp("hidden_at", { withTimezone: true }),
    hiddenReason: text("hidden_reason"),
  },
  (t) => [
    index("comments_paper_idx").on(t.paperId, t.createdAt),
    index("comments_author_idx").on(t.authorId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
  ],
);

export const commentVotes = pgTable(
  "comment_votes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.commentId] }), index("comment_votes_comment_idx").on(t.commentId)],
);

// A reader's flag on someone else's comment, for the moderators (/admin/comments?flagged=1): one
// per reader per comment (the key), with the kind of problem. Hiding the comment settles them.
export const commentFlags = pgTable(
  "comment_flags",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    commentId: integer("comment_id")
      .notNull()
      .references(() => comments.id, { onDelete: "cascade" }),
    reason: text("reason", { enum: FLAG_REASONS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.commentId] }),
    index("comment_flags_comment_idx").on(t.commentId),
    check("comment_flags_reason_check", sql`${t.reason} in ('spam', 'abuse', 'off-topic', 'other')`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Abuse limits, kept in Postgres so every server process counts against the same numbers.
// One row per key (e.g. "vote:user:<id>"): a window that starts at its first hit and restarts
// with the first hit after it ends.
// ---------------------------------------------------------------------------------------------

export const rateLimitBuckets = pgTable(
  "rate_limit_buckets",
  {
    key: text("key").primaryKey(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    hits: integer("hits").notNull().default(0),
  },
  (t) => [index("rate_limit_buckets_window_idx").on(t.windowStart)],
);

// ---------------------------------------------------------------------------------------------
// Curation leaves a trail: one row per admin action, written in the same transaction as the
// change, public at /moderation (like Lobsters' moderation log).
// ---------------------------------------------------------------------------------------------

export const auditLog = pgTable(
  "audit_log",
  {
    id: serial("id").primaryKey(),
    // Null when the change came from the command line (`npm run user:promote`).
    actorId: text("actor_id").references(() => users.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    targetType: text("target_type", { enum: ["paper", "entry", "comment", "user"] }).notNull(),
    targetId: text("target_id").notNull(),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_log_created_idx").on(t.createdAt),
    index("audit_log_action_idx").on(t.action, t.createdAt),
    index("audit_log_target_idx").on(t.targetType, t.targetId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Email digest: double opt-in subscriptions, and one row per (subscription, period) so a digest is
// mailed at most once even when the job runs twice, concurrently, or crashes (scripts/digest.ts).
// ---------------------------------------------------------------------------------------------

// A reader's request to sign in with another address, waiting for the link mailed to it
// (lib/auth/email-change.ts). One per account: a newer request replaces the older link. Only the
// token's SHA-256 is kept, so a copy of the database cannot confirm anything.
export const emailChanges = pgTable("email_changes", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newEmail: text("new_email").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});

export const digestFrequencies = ["daily", "weekly"] as const;

export const subscriptions = pgTable(
  "subscriptions",
  {
    id: serial("id").primaryKey(),
    // Normalised like sign-in addresses (NFKC, lower case), so one inbox is one row.
    email: text("email").notNull(),
    // Set when a signed-in reader subscribes their own account address.
    userId: text("user_id").references(() => users.id, { onDelete: "set null" }),
    // What the digest job sends. Changes only when a confirmation link is used.
    frequency: text("frequency", { enum: digestFrequencies }).notNull(),
    status: text("status", { enum: ["pending", "active", "unsubscribed"] }).notNull().default("pending"),
    // The open request waiting for its emailed link. Only the token's SHA-256 is kept, so a copy
    // of the database cannot confirm anything; a newer request replaces the older link.
    requestedFrequency: text("requested_frequency", { enum: digestFrequencies }),
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    // Goes in every digest's List-Unsubscribe link, so it is stored as is (a hash could not be put
    // back into the next mail). It only lets its holder unsubscribe this address, and unlike a
    // signature over AUTH_SECRET it keeps working in old mails after the secret is rotated.
    unsubscribeToken: text("unsubscribe_token").notNull(),
    createdAt: createdAt(),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    unsubscribedAt: timestamp("unsubscribed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("subscriptions_email_uq").on(t.email),
    uniqueIndex("subscriptions_confirm_token_uq").on(t.confirmTokenHash),
    uniqueIndex("subscriptions_unsubscribe_token_uq").on(t.unsubscribeToken),
    // Serves the digest job's "who is due" scan.
    index("subscriptions_active_idx").on(t.frequency).where(sql`${t.status} = 'active'`),
    index("subscriptions_user_idx").on(t.userId),
    check("subscriptions_email_lower_check", sql`${t.email} = lower(${t.email})`),
    check("subscriptions_status_check", sql`${t.status} in ('pending', 'active', 'unsubscribed')`),
    check("subscriptions_frequency_check", sql`${t.frequency} in ('daily', 'weekly')`),
    check("subscriptions_requested_frequency_check", sql`${t.requestedFrequency} in ('daily', 'weekly')`),
  ],
);

export const digestSends = pgTable(
  "digest_sends",
  {
    id: serial("id").primaryKey(),
    subscriptionId: integer("subscription_id")
      .notNull()
      .references(() => subscriptions.id, { onDelete: "cascade" }),
    // "daily:2025-02-14" or "weekly:2025-W07" (lib/digest/periods.ts).
    period: text("period").notNull(),
    // pending: claimed by a run that is sending it now, or that died while sending it (then it
    // is left for a person to decide: see README, "Email digest"). sent: done, never again.
    // failed: the mail server refused or could not be reached; the next run tries again.
    status: text("status", { enum: ["pending", "sent", "failed"] }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(1),
    lastError: text("last_error"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    messageId: text("message_id"),
    createdAt: createdAt(),
  },
  (t) => [
    // The exactly-once guarantee: one row per subscriber and period, claimed by one run only.
    uniqueIndex("digest_sends_subscription_period_uq").on(t.subscriptionId, t.period),
    index("digest_sends_unsent_idx").on(t.status).where(sql`${t.status} <> 'sent'`),
    check("digest_sends_status_check", sql`${t.status} in ('pending', 'sent', 'failed')`),
    check("digest_sends_attempts_check", sql`${t.attempts} >= 1`),
    check("digest_sends_period_check", sql`${t.period} ~ '^(daily:[0-9]{4}-[0-9]{2}-[0-9]{2}|weekly:[0-9]{4}-W[0-9]{2})$'`),
  ],
);

export const usersRelations = relations(users, ({ many }) => ({
  votes: many(votes),
  comments: many(comments),
  submissions: many(dailyEntries),
}));

export const papersRelations = relations(papers, ({ many }) => ({
  authors: many(paperAuthors),
  entries: many(dailyEntries),
  votes: many(votes),
  comments: many(comments),
}));

export const paperAuthorsRelations = relations(paperAuthors, ({ one }) => ({
  paper: one(papers, { fields: [paperAuthors.paperId], references: [papers.id] }),
}));

export const dailyEntriesRelations = relations(dailyEntries, ({ one }) => ({
  paper: one(papers, { fields: [dailyEntries.paperId], references: [papers.id] }),
  submittedBy: one(users, { fields: [dailyEntries.submittedById], references: [users.id] }),
}));

export const votesRelations = relations(votes, ({ one }) => ({
  user: one(users, { fields: [votes.userId], references: [users.id] }),
  paper: one(papers, { fields: [votes.paperId], references: [papers.id] }),
}));

export const commentsRelations = relations(comments, ({ one }) => ({
  paper: one(papers, { fields: [comments.paperId], references: [papers.id] }),
  author: one(users, { fields: [comments.authorId], references: [users.id] }),
}));

export const subscriptionsRelations = relations(subscriptions, ({ one, many }) => ({
  user: one(users, { fields: [subscriptions.userId], references: [users.id] }),
  sends: many(digestSends),
}));

export const digestSendsRelations = relations(digestSends, ({ one }) => ({
  subscription: one(subscriptions, { fields: [digestSends.subscriptionId], references: [subscriptions.id] }),
}));

export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Paper = typeof papers.$inferSelect;
export type NewPaper = typeof papers.$inferInsert;
export type PaperAuthor = typeof paperAuthors.$inferSelect;
export type DailyEntry = typeof dailyEntries.$inferSelect;
export type NewDailyEntry = typeof dailyEntries.$inferInsert;
export type Vote = typeof votes.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type CommentVote = typeof commentVotes.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewComment = typeof comments.$inferInsert;
export type Subscription = typeof subscriptions.$inferSelect;
export type NewSubscription = typeof subscriptions.$inferInsert;
export type DigestFrequency = (typeof digestFrequencies)[number];
export type DigestSend = typeof digestSends.$inferSelect;
