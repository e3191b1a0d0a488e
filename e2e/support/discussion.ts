import type { Page } from "@playwright/test";
import type postgres from "postgres";
import type { seedReader } from "./readers";

// Fixtures for the discussion's browser tests, written straight into the server's database.

export type Reader = Awaited<ReturnType<typeof seedReader>>;

// Distinct per run (for reruns against one database) and per paper within a run.
const run = String(Math.floor(Date.now() / 1000) % 1000).padStart(3, "0");
let papers = 0;

/** A paper of its own for each test, so threads and counts do not mix. */
export async function seedPaper(sql: postgres.Sql, title: string): Promise<string> {
  papers += 1;
  const id = `2412.${run}${String(papers).padStart(2, "0")}`;
  await sql`insert into papers (id, title, abstract) values (${id}, ${title}, ${"An abstract for the discussion tests."})`;
  await sql`insert into paper_authors (paper_id, position, name) values (${id}, 0, ${"Grace Hopper"})`;
  return id;
}

/** A comment as if posted a while ago, keeping papers.comment_count in step. */
export async function seedComment(
  sql: postgres.Sql,
  { paperId, author, body, parentId = null, depth = 0, minutesAgo = 60, upvotes = 0 }: { paperId: string; author: Reader; body: string; parentId?: number | null; depth?: number; minutesAgo?: number; upvotes?: number },
): Promise<number> {
  const [{ id }] = await sql<{ id: number }[]>`
    insert into comments (paper_id, author_id, parent_id, depth, body, upvote_count, created_at)
    values (${paperId}, ${author.id}, ${parentId}, ${depth}, ${body}, ${upvotes}, now() - make_interval(mins => ${minutesAgo}))
    returning id`;
  await sql`update papers set comment_count = comment_count + 1 where id = ${paperId}`;
  return id;
}

/** How the page names a reader: seedReader's display name is "Reader <username>". */
export const nameOf = (reader: Reader) => `Reader ${reader.username}`;

/** A reader's comment articles, narrowed to the one containing `text` when given. */
export function commentBy(page: Page, reader: Reader, text?: string) {
  const articles = page.getByRole("article", { name: `Comment by ${nameOf(reader)}`, exact: true });
  return text ? articles.filter({ hasText: text }) : articles;
}
