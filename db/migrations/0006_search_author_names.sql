-- Keeps papers.author_names (and so the generated papers.search_vector) equal to the paper's
-- author names in order, whenever paper_authors changes, inside the writing statement's transaction.
-- Triggers rather than an application function, so no writer (seed, catalogue import, admin tools,
-- raw SQL in tests) can forget the call. Statement-level with transition tables: the seed's bulk
-- delete-and-insert of hundreds of authors rewrites each paper once per statement, not once per row.
-- (Transition tables allow one event per trigger, hence three triggers sharing one function.)
CREATE FUNCTION "papers_refresh_author_names"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    UPDATE "papers" p
    SET "author_names" = coalesce((SELECT string_agg(a."name", ', ' ORDER BY a."position") FROM "paper_authors" a WHERE a."paper_id" = p."id"), '')
    WHERE p."id" IN (SELECT "paper_id" FROM "new_authors");
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    -- Papers deleted by this statement's cascade are already gone: the update skips them.
    UPDATE "papers" p
    SET "author_names" = coalesce((SELECT string_agg(a."name", ', ' ORDER BY a."position") FROM "paper_authors" a WHERE a."paper_id" = p."id"), '')
    WHERE p."id" IN (SELECT "paper_id" FROM "old_authors");
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "paper_authors_names_insert" AFTER INSERT ON "paper_authors"
  REFERENCING NEW TABLE AS "new_authors" FOR EACH STATEMENT EXECUTE FUNCTION "papers_refresh_author_names"();
--> statement-breakpoint
CREATE TRIGGER "paper_authors_names_update" AFTER UPDATE ON "paper_authors"
  REFERENCING OLD TABLE AS "old_authors" NEW TABLE AS "new_authors" FOR EACH STATEMENT EXECUTE FUNCTION "papers_refresh_author_names"();
--> statement-breakpoint
CREATE TRIGGER "paper_authors_names_delete" AFTER DELETE ON "paper_authors"
  REFERENCING OLD TABLE AS "old_authors" FOR EACH STATEMENT EXECUTE FUNCTION "papers_refresh_author_names"();
--> statement-breakpoint
-- Papers catalogued before this migration.
UPDATE "papers" p
SET "author_names" = names.list
FROM (SELECT "paper_id", string_agg("name", ', ' ORDER BY "position") AS list FROM "paper_authors" GROUP BY "paper_id") names
WHERE names."paper_id" = p."id";
