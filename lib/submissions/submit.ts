import "server-only";
import { countSubmissionsSince, findListingState, listSubmission } from "@/db/queries/submissions";
import { arxivIdMonth } from "../arxiv-id";
import type { SessionUser } from "../auth/session-user";
import { addDays, formatDay, formatMonth, lastDayOfMonth, todayUtc } from "../dates";
import { getEnv } from "../env";
import { AppError } from "../errors";
import { ensurePaperInCatalogue } from "./catalogue";

export type SubmissionResult = { paperId: string; outcome: "listed" | "already-listed"; day: string };

/**
 * A reader submits a paper for today's list: already listed → the existing paper; otherwise the
 * metadata comes from our catalogue or from arXiv, the paper must be recent enough, and the
 * reader must be within their daily cap (admins are exempt).
 */
export async function submitPaper({ user, paperId, version, now = new Date() }: { user: SessionUser; paperId: string; version: number | null; now?: Date }): Promise<SubmissionResult> {
  const env = getEnv();
  const { listedOn, removedOn } = await findListingState({ paperId });
  if (listedOn) return { paperId, outcome: "already-listed", day: listedOn };
  // Only a moderator puts back what a moderator took off (the admin's day page), or a reader
  // could undo a removal by submitting the paper again.
  if (removedOn) {
    throw new AppError("forbidden", {
      message: `A moderator took ${paperId} off the list of ${formatDay(removedOn)}, so it cannot be submitted again. The moderation log says why.`,
    });
  }

  const today = todayUtc(now);
  const oldest = addDays(today, -env.SUBMISSION_MAX_AGE_DAYS);
  // The ID's month bounds the paper's age before arXiv is asked: a paper numbered in a month that
  // ended before the window began is older than the window, whatever day of it appeared, and a
  // month still to come has no papers. (Asking arXiv first answered "arXiv is not answering,
  // try again" when it was down, for papers that could never be accepted.)
  const month = arxivIdMonth(paperId);
  if (month && lastDayOfMonth(month) < oldest) {
    throw new AppError("invalid_input", {
      message: `${paperId} was first published in ${formatMonth(month)} (its arXiv ID says so), more than ${env.SUBMISSION_MAX_AGE_DAYS} days ago. The daily list is for new papers.`,
    });
  }
  if (month && month > today.slice(0, 7)) {
    throw new AppError("invalid_input", { message: `arXiv has not numbered papers for ${formatMonth(month)} yet: check the ID.` });
  }

  // A reader at the daily cap is told so before arXiv is asked: every fetch waits its turn in one
  // queue for the whole server (arXiv asks for one request every 3 s), so refused submissions must
  // not hold everyone else's up. listSubmission counts again, under a lock, to decide.
  const cap = user.role === "admin" ? null : env.SUBMISSIONS_PER_DAY;
  const since = new Date(`${today}T00:00:00Z`);
  if (cap !== null && (await countSubmissionsSince({ userId: user.id, since })) >= cap) throw capReached(env.SUBMISSIONS_PER_DAY, today, now);

  const paper = await ensurePaperInCatalogue(paperId, { minVersion: version });
  const published = paper.publishedAt?.toISOString().slice(0, 10);
  if (published && published < oldest) {
    throw new AppError("invalid_input", {
      message: `${paperId} was published on ${formatDay(published)}, more than ${env.SUBMISSION_MAX_AGE_DAYS} days ago. The daily list is for new papers.`,
    });
  }

  const outcome = await listSubmission({ paperId, day: today, userId: user.id, cap, since });
  if (outcome.listed) return { paperId, outcome: "listed", day: today };
  if (outcome.reason === "duplicate") return { paperId, outcome: "already-listed", day: today };
  throw capReached(env.SUBMISSIONS_PER_DAY, today, now);
}

function capReached(perDay: number, today: string, now: Date): AppError {
  return new AppError("rate_limited", {
    message: `You can submit ${perDay} papers a day. Try again tomorrow (00:00 UTC).`,
    retryAfterSeconds: Math.ceil((Date.parse(`${addDays(today, 1)}T00:00:00Z`) - now.getTime()) / 1000),
  });
}
