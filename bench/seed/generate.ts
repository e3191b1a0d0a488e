import { MAX_COMMENT_DEPTH } from "@/lib/comment-rules";
import { addDays, type Day } from "@/lib/dates";

// Pure, seeded generators for the synthetic benchmark dataset: the same sizes and day give the
// same rows on every machine. Nothing here touches a database (bench/seed/seed.ts does).

export type SeedSizes = { papers: number; users: number; votes: number; comments: number };

/** Synthetic papers are the only ones numbered 50000+ in a month (arXiv has never reached 30000). */
export const SYNTHETIC_PAPER_PATTERN = "^[0-9]{4}\\.[5-9][0-9]{4}$";
export const SYNTHETIC_EMAIL_DOMAIN = "synthetic.paperboard.local";
const FIRST_NUMBER = 50_000;
const MAX_PER_MONTH = 50_000;

/** About three years of days, ending today. */
export const LIST_DAYS = 3 * 365 + 1;
export const LIST_MIN_PER_DAY = 10;
export const LIST_MAX_PER_DAY = 40;

/** mulberry32: small, fast, seeded. */
export function rng(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable 32-bit hash of a string, to seed per-day and per-paper generators. */
export function hash32(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * How many papers each day's list gets, newest day first, 10–40 each, until the papers run out.
 * A day's count depends only on the day, so "today" lists the same number at 1k and at 100k papers.
 */
export function listPlan(today: Day, papers: number): { day: Day; count: number }[] {
  const plan: { day: Day; count: number }[] = [];
  let left = papers;
  for (let i = 0; i < LIST_DAYS && left > 0; i++) {
    const day = addDays(today, -i);
    const wanted = LIST_MIN_PER_DAY + Math.floor(rng(hash32(day))() * (LIST_MAX_PER_DAY - LIST_MIN_PER_DAY + 1));
    const count = Math.min(wanted, left);
    plan.push({ day, count });
    left -= count;
  }
  return plan;
}

export type PlannedPaper = {
  index: number;
  id: string;
  /** The day it appeared on arXiv; listed papers go on the list that day. */
  published: Day;
  listedOn: Day | null;
  votes: number;
  comments: number;
};

/**
 * Every paper with its arXiv-style ID, day and how many votes and comments it gets. The list's
 * papers come first (they draw most votes, as on the real site); the rest of the catalogue is
 * spread over the same three years. Votes follow a Pareto tail (a few papers get hundreds, most
 * one or two), capped at the number of users since a user votes once per paper; comments follow
 * votes. Totals are exact.
 */
export function planPapers(sizes: SeedSizes, today: Day, seed = 1): PlannedPaper[] {
  const random = rng(seed);
  const days: Day[] = [];
  const listed: (Day | null)[] = [];
  for (const { day, count } of listPlan(today, sizes.papers)) for (let i = 0; i < count; i++) (days.push(day), listed.push(day));
  while (days.length < sizes.papers) (days.push(addDays(today, -Math.floor(random() * LIST_DAYS))), listed.push(null));

  const perMonth = new Map<string, number>();
  const ids = days.map((day) => {
    const month = `${day.slice(2, 4)}${day.slice(5, 7)}`;
    const n = perMonth.get(month) ?? 0;
    if (n >= MAX_PER_MONTH) throw new Error(`more than ${MAX_PER_MONTH} synthetic papers in one month: use fewer papers`);
    perMonth.set(month, n + 1);
    return `${month}.${FIRST_NUMBER + n}`;
  });

  const voteWeights = listed.map((day) => pareto(random, 1.3) * (day ? 20 : 1));
  const votes = apportion(voteWeights, sizes.votes, sizes.users);
  const commentWeights = votes.map((v) => Math.pow(v + 1, 0.8) * (0.5 + random()));
  const comments = apportion(commentWeights, sizes.comments, Number.MAX_SAFE_INTEGER);
  return ids.map((id, index) => ({ index, id, published: days[index], listedOn: listed[index], votes: votes[index], comments: comments[index] }));
}

/** A Pareto(alpha) sample ≥ 1: heavy-tailed, mean alpha/(alpha-1). */
export function pareto(random: () => number, alpha: number): number {
  return Math.pow(1 - random(), -1 / alpha);
}

/**
 * Splits `total` over the weights in proportion (largest remainders), each share at most `cap`;
 * what a capped share cannot take goes to the others. Throws when the caps cannot hold the total.
 */
export function apportion(weights: number[], total: number, cap: number): number[] {
  if (total > weights.length * cap) throw new Error(`cannot place ${total} among ${weights.length} (at most ${cap} each)`);
  const shares = new Array<number>(weights.length).fill(0);
  let left = total;
  let open = weights.map((_, i) => i).filter((i) => weights[i] > 0 || total > 0);
  while (left > 0 && open.length > 0) {
    const sum = open.reduce((s, i) => s + Math.max(weights[i], 1e-9), 0);
    const exact = open.map((i) => (left * Math.max(weights[i], 1e-9)) / sum);
    const floors = exact.map((x, k) => Math.min(Math.floor(x), cap - shares[open[k]]));
    let placed = floors.reduce((s, x) => s + x, 0);
    open.forEach((i, k) => (shares[i] += floors[k]));
    // Largest remainders first, one each, while room is left.
    const order = open.map((i, k) => ({ i, r: exact[k] - Math.floor(exact[k]) })).sort((a, b) => b.r - a.r);
    for (const { i } of order) {
      if (placed >= left) break;
      if (shares[i] < cap) (shares[i] += 1), (placed += 1);
    }
    left -= placed;
    open = open.filter((i) => shares[i] < cap);
  }
  return shares;
}

/**
 * The `count` distinct users (indexes below `users`) who vote for a paper: a walk from a seeded
 * start with a stride coprime to `users`, which never repeats before it has visited everyone.
 */
export function votersOf(paperIndex: number, count: number, users: number): number[] {
  if (count > users) throw new Error(`${count} votes from ${users} users would repeat a voter`);
  const random = rng(hash32(`voters:${paperIndex}`));
  const start = Math.floor(random() * users);
  let stride = 1 + Math.floor(random() * (users - 1 || 1));
  while (gcd(stride, users) !== 1) stride += 1;
  return Array.from({ length: count }, (_, k) => (start + k * stride) % users);
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

export type PlannedComment = { offset: number; parentOffset: number | null; depth: number; deleted: boolean; author: number; minutesAfter: number };

/**
 * A paper's thread: about half the comments answer an earlier one (replies cluster under the
 * first few), never deeper than the app allows; about 2% are deleted (their rows stay).
 */
export function planThread(paperIndex: number, count: number, users: number): PlannedComment[] {
  const random = rng(hash32(`thread:${paperIndex}`));
  const thread: PlannedComment[] = [];
  let minutes = 0;
  for (let offset = 0; offset < count; offset++) {
    minutes += Math.floor(pareto(random, 1.5) * 20);
    let parentOffset: number | null = null;
    if (offset > 0 && random() < 0.55) {
      const candidate = Math.floor(Math.pow(random(), 2) * offset);
      if (thread[candidate].depth < MAX_COMMENT_DEPTH) parentOffset = candidate;
    }
    const depth = parentOffset === null ? 0 : thread[parentOffset].depth + 1;
    thread.push({ offset, parentOffset, depth, deleted: random() < 0.02, author: Math.floor(random() * users), minutesAfter: minutes });
  }
  return thread;
}

/** Live comments: what papers.comment_count counts (deleted and hidden ones are not). */
export function liveComments(thread: PlannedComment[]): number {
  return thread.filter((c) => !c.deleted).length;
}

/** A deterministic UUID-shaped id for synthetic user `index`. */
export function syntheticUserId(index: number): string {
  const random = rng(hash32(`user:${index}`));
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const syntheticUsername = (index: number) => `synth_${index}`;
