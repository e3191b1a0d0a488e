import type { DigestRunResult, SkipCounts } from "./run-digest";

// What `npm run digest` prints, for the cron log and whoever reads cron's mail.

export function summaryLines(result: DigestRunResult): string[] {
  const lines = [`digest: ${result.sent} sent, ${result.skipped} skipped${skipReasons(result.skippedFor)}, ${result.failed.length} failed (retry next run)`];
  if (result.released > 0) lines.push(`digest: ${result.released} interrupted send(s) released and tried again (--resend-interrupted)`);
  for (const f of result.failed) {
    const next = f.willRetry ? "will retry" : `gave up after ${f.attempts} attempts`;
    lines.push(`digest: failed subscription ${f.subscriptionId} ${f.period} (attempt ${f.attempts}, ${next}): ${f.error}`);
  }
  if (result.interrupted.length > 0) {
    lines.push(
      `digest: ${result.interrupted.length} send(s) interrupted mid-way by an earlier run; not resent, so no reader gets a copy twice.`,
      `digest: check the mail server's log for them; to send them again run \`npm run digest -- --resend-interrupted\`.`,
      ...result.interrupted.map((i) => `digest: interrupted subscription ${i.subscriptionId} <${i.email}> ${i.period}, claimed ${i.claimedAt.toISOString()}`),
    );
  }
  return lines;
}

const SKIP_REASONS: [keyof SkipCounts, string][] = [
  ["nothingListed", "nothing listed in their period"],
  ["gaveUp", `given up after earlier failures`],
  ["elsewhere", "sending in another run, or just unsubscribed"],
];

/** " (2 nothing listed in their period, 1 given up …)", or nothing when none was skipped. */
function skipReasons(counts: SkipCounts): string {
  const parts = SKIP_REASONS.filter(([key]) => counts[key] > 0).map(([key, label]) => `${counts[key]} ${label}`);
  return parts.length > 0 ? ` (${parts.join("; ")})` : "";
}

/** Non-zero whenever something needs a look: a failed send, or one left interrupted. */
export function exitCodeOf(result: DigestRunResult): number {
  return result.failed.length > 0 || result.interrupted.length > 0 ? 1 : 0;
}
