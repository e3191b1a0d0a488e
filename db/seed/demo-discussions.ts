import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../client";
import { commentFlags, commentVotes, comments, papers, users } from "../schema";
import { DEMO_USERS } from "./demo";

// A few threads on the demo's papers, so a newcomer's first paper page shows what the discussion
// is for: Markdown, math, replies and upvoted comments. Only `npm run db:seed` writes them; the
// browser tests seed the papers alone (e2e/support/prepare-database.ts) and start from empty
// discussions. Written in the demo readers' voices, as questions a reading group would ask; none
// is a quotation.

type DemoUsername = (typeof DEMO_USERS)[number][0];

type DemoComment = {
  author: DemoUsername;
  /** How long before the seed ran; every thread's paper was listed at least a day earlier. */
  hoursAgo: number;
  body: string;
  /** Demo readers who upvoted it. */
  upvotedBy?: DemoUsername[];
  replies?: DemoComment[];
};

export const DEMO_DISCUSSIONS: { paperId: string; thread: DemoComment[] }[] = [
  {
    paperId: "2303.08797", // Stochastic Interpolants
    thread: [
      {
        author: "erin",
        hoursAgo: 15,
        upvotedBy: ["alice", "carol", "lena", "judy"],
        body: [
          "The construction in one line: pick $x_0 \\sim \\rho_0$, $x_1 \\sim \\rho_1$ and set",
          "",
          "$$",
          "x_t = \\alpha(t)\\,x_0 + \\beta(t)\\,x_1 + \\gamma(t)\\,z,",
          "$$",
          "",
          "with $z \\sim \\mathcal{N}(0, I)$, $\\alpha(0) = \\beta(1) = 1$, $\\alpha(1) = \\beta(0) = 0$ and $\\gamma(0) = \\gamma(1) = 0$. The velocity",
          "field is then a plain regression target, $b(t, x) = \\mathbb{E}[\\dot x_t \\mid x_t = x]$, so no ODE is",
          "simulated during training.",
        ].join("\n"),
        replies: [
          {
            author: "carol",
            hoursAgo: 13,
            upvotedBy: ["erin"],
            body: "And with $\\gamma \\equiv 0$ and linear $\\alpha, \\beta$ it is exactly rectified flow, if I read Section 3 right. What does the latent $\\gamma(t)\\,z$ buy in practice?",
            replies: [
              {
                author: "erin",
                hoursAgo: 12,
                body: "It smooths the density of $x_t$ at intermediate times, which makes $b$ easier to learn when $\\rho_0$ and $\\rho_1$ have little overlap. The price is a score term if you want the SDE version.",
              },
            ],
          },
        ],
      },
      {
        author: "ken",
        hoursAgo: 9,
        upvotedBy: ["dave"],
        body: "Has anyone run their code? The README points at a checkpoint that is no longer online.",
      },
    ],
  },
  {
    paperId: "2209.03003", // Rectified Flow
    thread: [
      {
        author: "alice",
        hoursAgo: 11,
        upvotedBy: ["bob", "erin", "grace"],
        body: [
          "The objective is a least-squares fit of the straight-line velocity, with $X_t = t X_1 + (1 - t) X_0$:",
          "",
          "$$",
          "\\min_v \\int_0^1 \\mathbb{E}\\,\\lVert (X_1 - X_0) - v(X_t, t) \\rVert^2 \\,\\mathrm{d}t.",
          "$$",
          "",
          "What I had missed on first reading: *reflow* (training again on the coupling the first flow produces)",
          "never increases transport cost for any convex cost. That is why one or two reflows make one-step sampling work.",
        ].join("\n"),
        replies: [
          {
            author: "bob",
            hoursAgo: 8,
            body: "Is the straightness measure in the paper the same thing? I read it as $S(Z) = \\int_0^1 \\mathbb{E}\\,\\lVert (Z_1 - Z_0) - \\dot Z_t \\rVert^2 \\,\\mathrm{d}t$, zero exactly for straight paths.",
          },
        ],
      },
    ],
  },
  {
    paperId: "2202.02435", // On Neural Differential Equations
    thread: [
      {
        author: "dave",
        hoursAgo: 14,
        upvotedBy: ["ivan", "heidi"],
        body: [
          "Still the best introduction to the area. For a reading group I would start with chapter 2",
          "(neural ODEs, $\\frac{\\mathrm{d}z}{\\mathrm{d}t} = f_\\theta(t, z)$) and chapter 5 on training:",
          "",
          "1. *optimise-then-discretise* (the adjoint method) costs $O(1)$ memory in the number of steps;",
          "2. *discretise-then-optimise* backpropagates through the solver and gives exact gradients of what you computed.",
          "",
          "In practice the second is usually the better default.",
        ].join("\n"),
        replies: [
          {
            author: "heidi",
            hoursAgo: 6,
            body: "Agreed. The thesis's code lives on as the `diffrax` library, which is a good place to try both.",
          },
        ],
      },
    ],
  },
  {
    paperId: "2310.06110", // Grokking as the Transition from Lazy to Rich Training Dynamics
    thread: [
      {
        author: "lena",
        hoursAgo: 7,
        upvotedBy: ["frank"],
        body: "The claim, as I understand it: the network first fits the training set in the lazy (kernel) regime, and the delay before it generalises is the time it takes to leave that regime. The knob is the output scale $\\alpha$: smaller $\\alpha$, richer dynamics, less delay.",
        replies: [
          {
            author: "frank",
            hoursAgo: 5,
            body: "Which predicts grokking should vanish when the initial kernel already aligns with the target. Do they test that? I only see the polynomial regression task.",
          },
        ],
      },
    ],
  },
];

export type DiscussionsSummary = { comments: number; papers: number };

/** Every comment of a thread, replies included. */
function flatten(thread: DemoComment[]): DemoComment[] {
  return thread.flatMap((comment) => [comment, ...flatten(comment.replies ?? [])]);
}

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

/**
 * The papers whose discussion is no longer only the seed's: `seedVoters` says, for a comment the
 * seed wrote (paper, author, words), which readers' upvotes the seed gave it, or null for a
 * comment the seed did not write.
 */
async function papersSomeoneActedIn(
  tx: Tx,
  paperIds: string[],
  seedVoters: (paperId: string, authorId: string, body: string) => Set<string | undefined> | null,
): Promise<Set<string>> {
  const rows = await tx
    .select({
      paperId: comments.paperId,
      authorId: comments.authorId,
      body: comments.body,
      touched: sql<boolean>`${comments.editedAt} is not null or ${comments.deletedAt} is not null or ${comments.hiddenAt} is not null
        or exists (select 1 from ${commentFlags} where ${commentFlags.commentId} = ${comments.id})`,
      voters: sql<string[]>`array(select ${commentVotes.userId} from ${commentVotes} where ${commentVotes.commentId} = ${comments.id})`,
    })
    .from(comments)
    .where(inArray(comments.paperId, paperIds));
  const acted = new Set<string>();
  for (const row of rows) {
    const voters = seedVoters(row.paperId, row.authorId, row.body);
    if (!voters || row.touched || row.voters.some((voter) => !voters.has(voter))) acted.add(row.paperId);
  }
  return acted;
}

/**
 * Adds the threads above, dated back from `now`. Safe to run again: a discussion that is still
 * exactly the seed's own is written afresh, so it moves with the demo list (seedDemo lists the
 * papers again each run, ending today). One that anyone has acted in is kept as it is: a comment
 * or an upvote the seed did not write, an edit, a flag, a comment deleted or hidden. A thread
 * whose demo readers include a deleted or banned account is not written at all.
 */
export async function seedDemoDiscussions(db: Db, { now = new Date() }: { now?: Date } = {}): Promise<DiscussionsSummary> {
  return db.transaction(async (tx) => {
    const paperIds = DEMO_DISCUSSIONS.map((d) => d.paperId);
    // addComment locks the paper's row first too: nobody comments between the read and the rewrite.
    await tx.select({ id: papers.id }).from(papers).where(inArray(papers.id, paperIds)).for("update");

    const demoUsers = await tx
      .select({ id: users.id, username: users.username, gone: sql<boolean>`${users.deletedAt} is not null or ${users.bannedAt} is not null` })
      .from(users)
      .where(inArray(users.username, DEMO_USERS.map(([username]) => username)));
    const userId = new Map(demoUsers.filter((u) => !u.gone).map((u) => [u.username, u.id]));
    const writable = ({ thread }: (typeof DEMO_DISCUSSIONS)[number]) =>
      flatten(thread).every((c) => userId.has(c.author) && (c.upvotedBy ?? []).every((u) => userId.has(u)));
    const idOf = (username: DemoUsername) => userId.get(username) as string; // only called for writable threads

    const acted = await papersSomeoneActedIn(tx, paperIds, (paperId, authorId, body) => {
      const own = DEMO_DISCUSSIONS.find((d) => d.paperId === paperId);
      const comment = own && flatten(own.thread).find((c) => userId.get(c.author) === authorId && c.body === body);
      return comment ? new Set((comment.upvotedBy ?? []).map((u) => userId.get(u))) : null;
    });

    const insert = async (paperId: string, comment: DemoComment, parentId: number | null, depth: number) => {
      const [row] = await tx
        .insert(comments)
        .values({ paperId, authorId: idOf(comment.author), parentId, depth, body: comment.body, createdAt: new Date(now.getTime() - comment.hoursAgo * 3_600_000) })
        .returning({ id: comments.id });
      const voters = comment.upvotedBy ?? [];
      if (voters.length > 0) await tx.insert(commentVotes).values(voters.map((username) => ({ userId: idOf(username), commentId: row.id })));
      for (const reply of comment.replies ?? []) await insert(paperId, reply, row.id, depth + 1);
    };
    for (const discussion of DEMO_DISCUSSIONS) {
      const { paperId, thread } = discussion;
      if (acted.has(paperId) || !writable(discussion)) continue;
      // Only the seed's own words are here: replaced, with their upvotes (cascade), to be dated afresh.
      await tx.delete(comments).where(eq(comments.paperId, paperId));
      for (const comment of thread) await insert(paperId, comment, null, 0);
    }

    // Counters are derived from the rows, as in seedDemo.
    await tx
      .update(comments)
      .set({ upvoteCount: sql`(select count(*) from ${commentVotes} where ${commentVotes.commentId} = ${comments.id})::int` })
      .where(inArray(comments.paperId, paperIds));
    await tx
      .update(papers)
      .set({
        commentCount: sql`(select count(*) from ${comments} where ${comments.paperId} = ${papers.id} and ${comments.deletedAt} is null and ${comments.hiddenAt} is null)::int`,
      })
      .where(inArray(papers.id, paperIds));

    const [summary] = await tx
      .select({ comments: sql<number>`count(*)::int`, papers: sql<number>`count(distinct ${comments.paperId})::int` })
      .from(comments)
      .where(and(inArray(comments.paperId, paperIds), isNull(comments.deletedAt), isNull(comments.hiddenAt)));
    return summary;
  });
}
