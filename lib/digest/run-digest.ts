import "server-only";
import {
  claimDigestSend,
  listDueSubscribers,
  listInterruptedSends,
  listRetryableSends,
  markDigestFailed,
  markDigestSent,
  releaseInterruptedSends,
  type DigestCandidate,
  type InterruptedSend,
} from "@/db/queries/digest";
import { getRankedList } from "@/db/queries/daily-list";
import { digestMessage, type DigestPaper } from "./digest-message";
import { unsubscribeUrl, type DigestMailConfig } from "./mail-config";
import type { Mailer } from "./mailer";
import { duePeriod, parsePeriodKey, type DigestPeriod } from "./periods";

// One run of the digest job (scripts/digest.ts). Per subscriber: claim the (subscriber, period)
// row, send, mark sent. Between "the mail server accepted it" and "marked sent" a crash leaves
// the row pending, and nobody can tell from here whether the mail left. We choose AT MOST ONCE:
// such a row is never resent automatically; each run reports it and exits non-zero until a person
// checks the mail log and either leaves it or reruns with --resend-interrupted. A duplicate digest
// annoys a reader and makes mailbox providers distrust the sender; one missing digest is harmless.

export const DIGEST_SIZE = 10;
export const MAX_ATTEMPTS = 5;
/** Far longer than a send may take (see the SMTP timeouts in lib/digest/mailer.ts). */
export const STALE_CLAIM_MINUTES = 15;

export type SendRef = { subscriptionId: number; period: string };

/** Test seams at the two points where a crash matters. Throwing from one simulates a crash there. */
export type DigestHooks = {
  /** The mail server accepted the digest; it is not yet marked sent (the ambiguous window). */
  afterAccepted?: (send: SendRef) => void | Promise<void>;
  /** The digest is marked sent; `sentSoFar` counts this run's sends. */
  afterMarked?: (send: SendRef, sentSoFar: number) => void | Promise<void>;
};

export type SkipCounts = {
  /** Nothing was listed in the subscriber's last period (a new site, a quiet week). */
  nothingListed: number;
  /** Failed MAX_ATTEMPTS times on earlier runs: given up on. */
  gaveUp: number;
  /** Being sent by another run right now, or the reader unsubscribed meanwhile. */
  elsewhere: number;
};

export type DigestRunResult = {
  sent: number;
  /** Not sent this run, by reason: `skippedFor` adds up to `skipped`. */
  skipped: number;
  skippedFor: SkipCounts;
  failed: Array<SendRef & { error: string; attempts: number; willRetry: boolean }>;
  /** Sends a crashed run left pending: not resent, waiting for a person. */
  interrupted: InterruptedSend[];
  /** Interrupted sends released for another attempt by --resend-interrupted. */
  released: number;
};

export async function runDigest({
  mailer,
  config,
  now = new Date(),
  resendInterrupted = false,
  hooks = {},
}: {
  mailer: Mailer;
  config: DigestMailConfig;
  now?: Date;
  resendInterrupted?: boolean;
  hooks?: DigestHooks;
}): Promise<DigestRunResult> {
  const claimedBefore = new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000);
  const released = resendInterrupted ? await releaseInterruptedSends({ claimedBefore, maxAttempts: MAX_ATTEMPTS }) : 0;
  const result: DigestRunResult = { sent: 0, skipped: 0, skippedFor: { nothingListed: 0, gaveUp: 0, elsewhere: 0 }, failed: [], interrupted: [], released };
  const skip = (reason: keyof SkipCounts) => {
    result.skipped += 1;
    result.skippedFor[reason] += 1;
  };
  const papersOf = memoisedPapers();

  for (const candidate of await listCandidates(now)) {
    if (candidate.sendStatus === "pending") {
      // Held by a run sending it right now (skip), or by one that died (reported below).
      if (candidate.claimedAt && candidate.claimedAt >= claimedBefore) skip("elsewhere");
      continue;
    }
    const period = parsePeriodKey(candidate.period);
    const papers = period ? await papersOf(period) : [];
    // Gave up on earlier runs, or nothing was listed in the period: no mail, and no row either,
    // so papers added to the period later still go out on the next run.
    if (!period || papers.length === 0 || candidate.attempts >= MAX_ATTEMPTS) {
      skip(candidate.attempts >= MAX_ATTEMPTS ? "gaveUp" : "nothingListed");
      continue;
    }
    const claim = await claimDigestSend({ subscriptionId: candidate.subscriptionId, period: period.key, maxAttempts: MAX_ATTEMPTS, now });
    if (!claim) {
      skip("elsewhere"); // another run got there first, or the reader just unsubscribed
      continue;
    }
    const ref = { subscriptionId: candidate.subscriptionId, period: period.key };
    let messageId: string;
    try {
      ({ messageId } = await mailer.send(digestMail({ candidate, period, papers, config })));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await markDigestFailed({ id: claim.id, error: message });
      result.failed.push({ ...ref, error: message, attempts: claim.attempts, willRetry: claim.attempts < MAX_ATTEMPTS });
      continue;
    }
    await hooks.afterAccepted?.(ref);
    await markDigestSent({ id: claim.id, messageId, now });
    result.sent += 1;
    await hooks.afterMarked?.(ref, result.sent);
  }

  result.interrupted = await listInterruptedSends({ claimedBefore });
  return result;
}

/** Earlier failures still worth a retry (oldest first), then this run's periods for every active subscriber. */
async function listCandidates(now: Date): Promise<DigestCandidate[]> {
  const periods = [duePeriod("daily", now), duePeriod("weekly", now)];
  const due = await Promise.all(periods.map((p) => listDueSubscribers({ frequency: p.frequency, period: p.key })));
  const retries = await listRetryableSends({ exceptPeriods: periods.map((p) => p.key), maxAttempts: MAX_ATTEMPTS });
  return [...retries, ...due.flat()];
}

/** Every subscriber of a period gets the same list: rank it once per run. */
function memoisedPapers() {
  const lists = new Map<string, Promise<DigestPaper[]>>();
  return (period: DigestPeriod) => {
    if (!lists.has(period.key)) lists.set(period.key, getRankedList({ start: period.start, end: period.end, limit: DIGEST_SIZE }));
    return lists.get(period.key)!;
  };
}

function digestMail({
  candidate,
  period,
  papers,
  config,
}: {
  candidate: DigestCandidate;
  period: DigestPeriod;
  papers: DigestPaper[];
  config: DigestMailConfig;
}) {
  const oneClick = unsubscribeUrl(config, candidate.unsubscribeToken);
  const listUnsubscribe = [`<${oneClick}>`, ...(config.unsubscribeMailto ? [`<mailto:${config.unsubscribeMailto}?subject=unsubscribe>`] : [])];
  return {
    to: candidate.email,
    from: config.from,
    ...digestMessage({ period, papers, siteUrl: config.siteUrl, unsubscribeUrl: oneClick }),
    headers: {
      // RFC 8058: mail providers show an "Unsubscribe" button that POSTs to the https link.
      "List-Unsubscribe": listUnsubscribe.join(", "),
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
    // The same id for every copy of one digest, so a mailbox can recognise a resent one.
    messageId: `<digest.${candidate.subscriptionId}.${period.key.replace(":", ".")}@${new URL(config.siteUrl).hostname}>`,
  };
}
