import { getDb } from "@/db/client";
import { dailyEntries, paperAuthors, papers, users } from "@/db/schema";

let counter = 0;

export async function makeUser(overrides: Partial<typeof users.$inferInsert> = {}) {
  counter += 1;
  const [user] = await getDb()
    .insert(users)
    .values({ username: `user${counter}`, name: `User ${counter}`, email: `user${counter}@test.local`, ...overrides })
    .returning();
  return user;
}

export async function makePaper({
  id,
  title = `Paper ${id}`,
  abstract = `Abstract of ${id}.`,
  authors = ["Ada Lovelace"],
  upvoteCount = 0,
}: {
  id: string;
  title?: string;
  abstract?: string;
  authors?: string[];
  upvoteCount?: number;
}) {
  const db = getDb();
  await db.insert(papers).values({ id, title, abstract, upvoteCount });
  await db.insert(paperAuthors).values(authors.map((name, position) => ({ paperId: id, position, name })));
}

export async function listPaper({
  paperId,
  day,
  minute = 0,
  pinnedPosition = null,
  hidden = false,
  submittedById = null,
}: {
  paperId: string;
  day: string;
  minute?: number;
  pinnedPosition?: number | null;
  hidden?: boolean;
  submittedById?: string | null;
}) {
  await getDb()
    .insert(dailyEntries)
    .values({
      paperId,
      day,
      submittedById,
      pinnedPosition,
      submittedAt: new Date(Date.parse(`${day}T08:00:00Z`) + minute * 60_000),
      hiddenAt: hidden ? new Date() : null,
      hiddenReason: hidden ? "test" : null,
    });
}
