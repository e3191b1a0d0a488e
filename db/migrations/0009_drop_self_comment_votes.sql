-- Readers may no longer upvote their own comments (db/queries/votes.ts). Votes cast on one's own
-- comment before that rule are taken back, and each comment's counter recounted from its rows.
DELETE FROM "comment_votes" cv USING "comments" c WHERE cv."comment_id" = c."id" AND cv."user_id" = c."author_id";
--> statement-breakpoint
UPDATE "comments" c SET "upvote_count" = counted.n
FROM (SELECT c2."id", count(cv."comment_id")::int AS n FROM "comments" c2 LEFT JOIN "comment_votes" cv ON cv."comment_id" = c2."id" GROUP BY c2."id") counted
WHERE counted."id" = c."id" AND c."upvote_count" <> counted.n;
