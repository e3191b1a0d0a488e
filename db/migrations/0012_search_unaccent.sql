-- Search folds accents: "Schrodinger" finds "Schrödinger", "Erdos" finds "Erdős", and the other
-- way round. A text search configuration of our own, English with the unaccent dictionary in
-- front of the stemmer, used by the generated column and by every query (db/queries/search.ts).
-- unaccent is a trusted extension: the database owner may create it without being a superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION paperboard (COPY = english);--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION paperboard ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;--> statement-breakpoint
-- A generated column's expression cannot be altered before PostgreSQL 17: drop it and add it back
-- (every row is recomputed, the index rebuilt: seconds at 100k papers).
DROP INDEX "papers_search_idx";--> statement-breakpoint
ALTER TABLE "papers" DROP COLUMN "search_vector";--> statement-breakpoint
ALTER TABLE "papers" ADD COLUMN "search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('paperboard', "papers"."title"), 'A') || setweight(to_tsvector('paperboard', "papers"."author_names"), 'B') || setweight(to_tsvector('paperboard', "papers"."abstract"), 'C')) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "papers_search_idx" ON "papers" USING gin ("search_vector");
