import { hashPassword } from "@/lib/auth/password";
import type { Day } from "@/lib/dates";
import { seedConnection, type SeedConnection, type SeedQueryable, type SeedTarget } from "./connection";
import { copyRows, type CopyStats } from "./copy";
import {
  liveComments,
  planPapers,
  planThread,
  votersOf,
  syntheticUserId,
  syntheticUsername,
  SYNTHETIC_EMAIL_DOMAIN,
  SYNTHETIC_PAPER_PATTERN,
  type PlannedPaper,
  type SeedSizes,
} from "./generate";
import { commentText, paperText, personName } from "./text";

// The synthetic benchmark dataset, written with COPY in one transaction: a run either leaves the
// whole dataset or nothing. Idempotent by replacement: when the database already holds exactly
// these sizes ending today it does nothing; otherwise it deletes its own synthetic rows (papers
// numbered 50000+, users @synthetic.paperboard.local, and everything hanging off them) and writes
// them again. Demo and real rows are never touched; synthetic users only vote on synthetic papers.
// The same on a PostgreSQL server and on the embedded PGlite: only how COPY's rows travel differs.

export const SYNTHETIC_PASSWORD = "paperboard-bench";

const CATEGORIES = ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML", "cs.RO", "q-bio.QM", "eess.AS"];
const DAY_MS = 86_400_000;

export type SeedResult = { skipped: boolean; tables: CopyStats[]; seconds: number; counterDrift: number };

type Progress = (table: string, done: number, total: number) => void;

export async function seedSynthetic(target: SeedTarget, sizes: SeedSizes, { today, progress = () => {} }: { today: Day; progress?: Progress }): Promise<SeedResult> {
  const started = performance.now();
  const db = seedConnection(target);
  const plan = planPapers(sizes, today);
  if (await alreadySeeded(db, sizes, today, plan)) return { skipped: true, tables: [], seconds: 0, counterDrift: await counterDrift(target) };

  // Threads are regenerated (deterministically) where needed rather than held in memory.
  const threadOf = (paper: PlannedPaper) => planThread(paper.index, paper.comments, sizes.users);
  const passwordHash = await hashPassword(SYNTHETIC_PASSWORD);
  const userIds = Array.from({ length: sizes.users }, (_, i) => syntheticUserId(i));
  const now = Date.now();
  const at = (day: Day, minutes: number) => new Date(Math.min(Date.parse(`${day}T00:00:00Z`) + minutes * 60_000, now));

  const tables = await db.transaction(async (tx) => {
    await removeSynthetic(tx);
    const stats: CopyStats[] = [];
    stats.push(
      await copyRows(
        tx,
        "users",
        ["id", "name", "email", "email_verified", "username", "password_hash", "created_at"],
        (function* () {
          for (let i = 0; i < sizes.users; i++) {
            // Accounts are older than a day, so they get the established rate limits.
            const created = new Date(now - (2 + (i % 1000)) * DAY_MS);
            yield [userIds[i], personName(i), `${syntheticUsername(i)}@${SYNTHETIC_EMAIL_DOMAIN}`, created, syntheticUsername(i), passwordHash, created];
          }
        })(),
        sizes.users,
        progress,
      ),
    );
    stats.push(
      await copyRows(
        tx,
        "papers",
        ["id", "title", "abstract", "published_at", "categories", "primary_category", "upvote_count", "comment_count", "created_at"],
        (function* () {
          for (const paper of plan) {
            const text = paperText(paper.index + 1);
            const category = CATEGORIES[paper.index % CATEGORIES.length];
            const published = at(paper.published, 0);
            yield [paper.id, text.title, text.abstract, published, [category], category, paper.votes, liveComments(threadOf(paper)), published];
          }
        })(),
        plan.length,
        progress,
      ),
    );
    // The author_names triggers (search) run once for the whole statement.
    stats.push(
      await copyRows(
        tx,
        "paper_authors",
        ["paper_id", "position", "name"],
        (function* () {
          for (const paper of plan) for (const [position, name] of paperText(paper.index + 1).authors.entries()) yield [paper.id, position, name];
        })(),
        plan.reduce((n, p) => n + paperText(p.index + 1).authors.length, 0),
        progress,
      ),
    );
    const listed = plan.filter((p) => p.listedOn !== null);
    stats.push(
      await copyRows(
        tx,
        "daily_entries",
        ["paper_id", "day", "submitted_by_id", "submitted_at"],
        (function* () {
          for (const paper of listed) yield [paper.id, paper.listedOn, userIds[(paper.index * 7) % sizes.users], at(paper.listedOn!, 360 + (paper.index % 600))];
        })(),
        listed.length,
        progress,
      ),
    );
    stats.push(
      await copyRows(
        tx,
        "votes",
        ["user_id", "paper_id", "created_at"],
        (function* () {
          for (const paper of plan) {
            const voters = votersOf(paper.index, paper.votes, sizes.users);
            for (const [k, user] of voters.entries()) yield [userIds[user], paper.id, at(paper.published, 360 + ((k * 37) % (3 * 1440)))];
          }
        })(),
        sizes.votes,
        progress,
      ),
    );
    // Comment ids are chosen here so replies can name their parent; the table is locked so no
    // other writer takes one of them meanwhile, and the sequence moves past them afterwards.
    await tx.query("lock table comments in share row exclusive mode");
    const [{ base }] = await tx.query<{ base: number }>(
      "select greatest((select coalesce(max(id), 0) from comments), (select last_value from comments_id_seq))::int as base",
    );
    let nextId = base + 1;
    stats.push(
      await copyRows(
        tx,
        "comments",
        ["id", "paper_id", "author_id", "parent_id", "depth", "body", "created_at", "deleted_at"],
        (function* () {
          for (const paper of plan) {
            const first = nextId;
            for (const c of threadOf(paper)) {
              const created = at(paper.published, 60 + c.minutesAfter);
              yield [first + c.offset, paper.id, userIds[c.author], c.parentOffset === null ? null : first + c.parentOffset, c.depth, commentText(paper.index * 1009 + c.offset), created, c.deleted ? created : null];
            }
            nextId = first + paper.comments;
          }
        })(),
        sizes.comments,
        progress,
      ),
    );
    if (nextId > base + 1) await tx.query("select setval('comments_id_seq', $1)", [nextId - 1]);
    return stats;
  });
  // Fresh statistics, or the planner guesses from an empty table.
  await db.query("analyze users, papers, paper_authors, daily_entries, votes, comments");
  return { skipped: false, tables, seconds: (performance.now() - started) / 1000, counterDrift: await counterDrift(target) };
}

/** Same counts, the list ending today, and the text these generators write (a sample paper's title). */
async function alreadySeeded(db: SeedConnection, sizes: SeedSizes, today: Day, plan: PlannedPaper[]): Promise<boolean> {
  const [row] = await db.query<{ papers: number; users: number; votes: number; comments: number; last_day: string | null; sample_title: string | null }>(
    `select
      (select count(*) from papers where id ~ $1)::int as papers,
      (select count(*) from users where email like $2)::int as users,
      (select count(*) from votes where paper_id ~ $1)::int as votes,
      (select count(*) from comments where paper_id ~ $1)::int as comments,
      (select max(day)::text from daily_entries where paper_id ~ $1) as last_day,
      (select title from papers where id = $3) as sample_title`,
    [SYNTHETIC_PAPER_PATTERN, `%@${SYNTHETIC_EMAIL_DOMAIN}`, plan[0]?.id ?? ""],
  );
  const lastDay = sizes.papers > 0 ? today : null;
  const sampleTitle = plan[0] ? paperText(plan[0].index + 1).title : null;
  return row.sample_title === sampleTitle && row.papers === sizes.papers && row.users === sizes.users && row.votes === sizes.votes && row.comments === sizes.comments && row.last_day === lastDay;
}

async function removeSynthetic(tx: SeedQueryable) {
  // Children first, each in one set-based statement, rather than row-by-row cascades.
  await tx.query("delete from votes where paper_id ~ $1", [SYNTHETIC_PAPER_PATTERN]);
  await tx.query("delete from comments where paper_id ~ $1", [SYNTHETIC_PAPER_PATTERN]);
  await tx.query("delete from daily_entries where paper_id ~ $1", [SYNTHETIC_PAPER_PATTERN]);
  await tx.query("delete from papers where id ~ $1", [SYNTHETIC_PAPER_PATTERN]);
  await tx.query("delete from users where email like $1", [`%@${SYNTHETIC_EMAIL_DOMAIN}`]);
}

/** Papers whose counters differ from the rows they count (all papers, not only synthetic ones). */
export async function counterDrift(target: SeedTarget): Promise<number> {
  const [row] = await seedConnection(target).query<{ drift: number }>(`
    select count(*)::int as drift
    from papers p
    left join (select paper_id, count(*)::int as n from votes group by paper_id) v on v.paper_id = p.id
    left join (select paper_id, count(*)::int as n from comments where deleted_at is null and hidden_at is null group by paper_id) c on c.paper_id = p.id
    where p.upvote_count <> coalesce(v.n, 0) or p.comment_count <> coalesce(c.n, 0)`);
  return row.drift;
}
