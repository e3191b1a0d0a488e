-- Deleting a comment now erases its words (db/queries/comments.ts deleteComment); comments its
-- author deleted before that still held them. Erased here too, except those a moderator hid,
-- which keep their words for the moderators, as deletions do from now on.
UPDATE "comments" SET "body" = '', "edited_at" = NULL WHERE "deleted_at" IS NOT NULL AND "hidden_at" IS NULL AND "body" <> '';
