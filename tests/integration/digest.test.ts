import { spawn } from "node:child_process";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, connectDb, getDb, type DbConfig } from "@/db/client";
import { confirmSubscription, findByUnsubscribeToken } from "@/db/queries/subscriptions";
import { digestSends, subscriptions } from "@/db/schema";
import { GET as unsubscribeGet, POST as unsubscribePost } from "@/app/(digest)/unsubscribe/route";
import { addDays, todayUtc } from "@/lib/dates";
import type { DigestMailConfig } from "@/lib/digest/mail-config";
import { smtpMailer } from "@/lib/digest/mailer";
import { MAX_ATTEMPTS, runDigest, STALE_CLAIM_MINUTES, type DigestHooks } from "@/lib/digest/run-digest";
import { requestSubscription } from "@/lib/digest/subscribe";
import { SUBSCRIBE_PER_ADDRESS, SUBSCRIBE_PER_IP } from "@/lib/digest/subscribe-limits";
import { exitCodeOf, summaryLines } from "@/lib/digest/summary";
import { hashToken, newToken } from "@/lib/digest/tokens";
import type { SessionUser } from "@/lib/auth/session-user";
import { listPaper, makePaper, makeUser } from "../support/fixtures";
import { waitOutMidnightUtc } from "../support/midnight";
import { startMailInbox, type MailInbox, type ReceivedMail } from "../support/mail-inbox";
import { createTestDatabase } from "../support/test-database";

// The email digest end to end below the browser: a real database (server or embedded, as
// DATABASE_URL says), a real SMTP server, real nodemailer. Nothing is mocked; crashes are
// simulated by throwing from the job's hooks, as a killed process would stop there.

let drop: () => Promise<void>;
let dbConfig: DbConfig;
let inbox: MailInbox;
let mail: DigestMailConfig;

// Friday 14 February 2025: daily digests cover Thursday the 13th, weekly ones ISO week 2025-W06.
const NOW = new Date("2025-02-14T06:00:00Z");
const DAY_MS = 86_400_000;
const at = (days: number, minutes = 0) => new Date(NOW.getTime() + days * DAY_MS + minutes * 60_000);

beforeAll(async () => {
  ({ drop, config: dbConfig } = await createTestDatabase());
  inbox = await startMailInbox();
  mail = { smtpUrl: inbox.url, from: "Paperboard <digest@paperboard.test>", siteUrl: "https://paperboard.test", unsubscribeMailto: "unsubscribe@paperboard.test" };

  // Twelve papers on the 13th, ranked by upvotes (p01 most); one title tries to inject HTML.
  for (let i = 1; i <= 12; i++) {
    const id = `2502.000${String(i).padStart(2, "0")}`;
    const title = i === 2 ? `Attention <script>alert("x")</script> & you` : `Daily paper ${i}`;
    await makePaper({ id, title, upvoteCount: 100 - i, authors: ["Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra"] });
    await listPaper({ paperId: id, day: "2025-02-13" });
  }
  // ISO week 2025-W06 (3–9 February) for weekly readers, and one paper a day after the 13th.
  for (const [id, day, votes] of [["2502.00101", "2025-02-03", 5], ["2502.00102", "2025-02-09", 9]] as const) {
    await makePaper({ id, title: `Weekly paper ${id}`, upvoteCount: votes });
    await listPaper({ paperId: id, day });
  }
  for (let d = 14; d <= 24; d++) {
    const id = `2502.002${d}`;
    await makePaper({ id, title: `Paper of the ${d}th` });
    await listPaper({ paperId: id, day: `2025-02-${d}` });
  }
});

afterAll(async () => {
  await inbox?.close();
  await drop?.();
});

function run(options: { now: Date; hooks?: DigestHooks; resendInterrupted?: boolean }) {
  const mailer = smtpMailer(inbox.url);
  return runDigest({ mailer, config: mail, ...options }).finally(() => mailer.close());
}

const digestsTo = (email: string) => inbox.to(email).filter((m) => m.headers.has("list-unsubscribe"));
const confirmationsTo = (email: string) => inbox.to(email).filter((m) => m.subject === "Confirm your Paperboard digest");

function linkToken(text: string, path: string): string {
  const match = new RegExp(`https://paperboard\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return match[1];
}

async function subscribe(email: string, frequency: "daily" | "weekly", { ip = "198.51.100.1", user = null as SessionUser | null, now = NOW } = {}) {
  return requestSubscription({ email, frequency, user, ip, config: mail, mailer: smtpMailer(inbox.url), now });
}

/** Subscribes and uses the emailed link, as a reader would. */
async function subscribeConfirmed(email: string, frequency: "daily" | "weekly", { ip = "198.51.100.1" } = {}) {
  await subscribe(email, frequency, { ip });
  const token = linkToken(confirmationsTo(email).at(-1)!.text, "/subscribe/confirm");
  expect(await confirmSubscription({ tokenHash: hashToken(token), now: NOW })).toEqual({ email, frequency });
}

/** Each scenario starts with nobody subscribed, so counts are its own. */
async function unsubscribeEveryone() {
  await getDb().update(subscriptions).set({ status: "unsubscribed" });
}

async function sendRow(email: string, period: string) {
  const [row] = await getDb()
    .select({ status: digestSends.status, attempts: digestSends.attempts, lastError: digestSends.lastError, messageId: digestSends.messageId })
    .from(digestSends)
    .innerJoin(subscriptions, eq(subscriptions.id, digestSends.subscriptionId))
    .where(sql`${subscriptions.email} = ${email} and ${digestSends.period} = ${period}`);
  return row;
}

function unsubscribeTokenOf(digest: ReceivedMail): string {
  return linkToken(digest.headers.get("list-unsubscribe")!, "/unsubscribe");
}

describe("subscribing (double opt-in)", () => {
  it("mails a confirmation link and nothing else until it is used", async () => {
    expect(await subscribe("alice@example.org", "daily")).toBe("check-inbox");
    const [confirmation] = confirmationsTo("alice@example.org");
    expect(confirmation.text).toContain("the daily digest");
    expect(confirmation.html).toContain('href="https://paperboard.test/subscribe/confirm?token=');
    expect(linkToken(confirmation.text, "/subscribe/confirm")).toHaveLength(43);

    const result = await run({ now: NOW });
    expect(result).toMatchObject({ sent: 0, skipped: 0, failed: [] });
    expect(digestsTo("alice@example.org")).toHaveLength(0);
  });

  it("confirms once, and only with the current, unexpired link", async () => {
    const token = linkToken(confirmationsTo("alice@example.org")[0].text, "/subscribe/confirm");
    expect(await confirmSubscription({ tokenHash: hashToken(token), now: at(2, 1) })).toBeNull(); // 48 h later: expired
    // A minute before the 48 hours are up, it still works.
    expect(await confirmSubscription({ tokenHash: hashToken(token), now: at(2, -1) })).toEqual({ email: "alice@example.org", frequency: "daily" });
    expect(await confirmSubscription({ tokenHash: hashToken(token), now: NOW })).toBeNull(); // used
  });

  it("answers a repeated request the same way and changes nothing until its new link is used", async () => {
    expect(await subscribe("alice@example.org", "weekly")).toBe("check-inbox");
    const [row] = await getDb().select().from(subscriptions).where(eq(subscriptions.email, "alice@example.org"));
    expect(row).toMatchObject({ status: "active", frequency: "daily", requestedFrequency: "weekly" });
    expect(confirmationsTo("alice@example.org")).toHaveLength(2);
    // Only a link that was mailed works, and the newest replaces the older one.
    expect(row.confirmTokenHash).toBe(hashToken(linkToken(confirmationsTo("alice@example.org")[1].text, "/subscribe/confirm")));
  });

  it("caps confirmation mails per address (silently) and requests per client address (with a message)", async () => {
    const victim = "victim@example.org";
    const outcomes = [];
    for (let i = 0; i < SUBSCRIBE_PER_ADDRESS.limit + 2; i++) outcomes.push(await subscribe(victim, "daily", { ip: `203.0.113.${i + 1}` }));
    expect(outcomes.every((o) => o === "check-inbox")).toBe(true);
    expect(confirmationsTo(victim)).toHaveLength(SUBSCRIBE_PER_ADDRESS.limit);

    const ip = "192.0.2.77";
    for (let i = 0; i < SUBSCRIBE_PER_IP.limit; i++) await subscribe(`reader${i}@example.net`, "daily", { ip });
    await expect(subscribe("one-more@example.net", "daily", { ip })).rejects.toMatchObject({ code: "rate_limited" });
    expect(confirmationsTo("one-more@example.net")).toHaveLength(0);
  });

  it("activates a signed-in reader's verified address at once, and mails a link for an unverified one", async () => {
    const verified = await makeUser({ email: "verified@example.org", emailVerified: new Date() });
    const unverified = await makeUser({ email: "claimed@example.org" });
    const asSessionUser = (u: typeof verified): SessionUser => ({ ...u, role: "user" });
    expect(await subscribe("verified@example.org", "weekly", { user: asSessionUser(verified) })).toBe("subscribed");
    expect(confirmationsTo("verified@example.org")).toHaveLength(0);
    expect(await subscribe("claimed@example.org", "weekly", { user: asSessionUser(unverified) })).toBe("check-inbox");
    const rows = await getDb().select().from(subscriptions).where(sql`${subscriptions.email} in ('verified@example.org', 'claimed@example.org')`);
    expect(Object.fromEntries(rows.map((r) => [r.email, [r.status, r.userId]]))).toEqual({
      "verified@example.org": ["active", verified.id],
      "claimed@example.org": ["pending", null],
    });
  });
});

describe("the digest job", () => {
  it("sends each confirmed subscriber exactly one digest of their period, with unsubscribe headers", async () => {
    await unsubscribeEveryone();
    await subscribeConfirmed("daily@example.org", "daily");
    await subscribeConfirmed("weekly@example.org", "weekly");
    await subscribe("unconfirmed@example.org", "daily");

    const result = await run({ now: NOW });
    expect(result).toMatchObject({ sent: 2, skipped: 0, failed: [], interrupted: [] });
    expect(summaryLines(result)).toEqual(["digest: 2 sent, 0 skipped, 0 failed (retry next run)"]);
    expect(exitCodeOf(result)).toBe(0);
    expect(digestsTo("unconfirmed@example.org")).toHaveLength(0);

    const [daily] = digestsTo("daily@example.org");
    expect(digestsTo("daily@example.org")).toHaveLength(1);
    expect(daily.subject).toBe("Trending on Paperboard: Thursday, 13 February 2025");
    // The top ten by votes, in order; the 11th and 12th are left out.
    const ranked = [...daily.text.matchAll(/^(\d+)\. (.+)$/gm)].map((m) => m[2]);
    expect(ranked).toHaveLength(10);
    expect(ranked[0]).toBe("Daily paper 1");
    expect(ranked[1]).toBe(`Attention <script>alert("x")</script> & you`); // plain text is plain
    expect(ranked[9]).toBe("Daily paper 10");
    expect(daily.text).toContain("https://paperboard.test/papers/2502.00001");
    expect(daily.text).toContain("Ada Lovelace, Alan Turing, Grace Hopper and 1 more · 99 upvotes · 0 comments");
    expect(daily.text).not.toContain("Daily paper 11");
    // The HTML part escapes every title.
    expect(daily.html).toContain("Attention &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; you");
    expect(daily.html).not.toContain("<script>");
    expect(daily.html).toContain('href="https://paperboard.test/papers/date/2025-02-13"');

    const token = unsubscribeTokenOf(daily);
    expect(daily.headers.get("list-unsubscribe")).toBe(
      `<https://paperboard.test/unsubscribe?token=${token}>, <mailto:unsubscribe@paperboard.test?subject=unsubscribe>`,
    );
    expect(daily.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(daily.html).toContain(`href="https://paperboard.test/unsubscribe?token=${token}"`);
    expect(daily.text).toContain(`Unsubscribe with one click: https://paperboard.test/unsubscribe?token=${token}`);
    expect(daily.headers.get("message-id")).toMatch(/^<digest\.\d+\.daily\.2025-02-13@paperboard\.test>$/);

    const [weekly] = digestsTo("weekly@example.org");
    expect(digestsTo("weekly@example.org")).toHaveLength(1);
    expect(weekly.subject).toBe("Trending on Paperboard: the week of 3 Feb 2025 to 9 Feb 2025");
    expect([...weekly.text.matchAll(/^\d+\. (.+)$/gm)].map((m) => m[1])).toEqual(["Weekly paper 2502.00102", "Weekly paper 2502.00101"]);
    expect(await sendRow("weekly@example.org", "weekly:2025-W06")).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("sends nothing when run again for the same period", async () => {
    const before = inbox.mails.length;
    const result = await run({ now: at(0, 30) });
    expect(result).toMatchObject({ sent: 0, skipped: 0, failed: [] });
    expect(inbox.mails.length).toBe(before);
  });

  it("stops for good after a one-click unsubscribe POST; a GET only shows the page", async () => {
    const token = unsubscribeTokenOf(digestsTo("daily@example.org")[0]);
    const url = `https://paperboard.test/unsubscribe?token=${token}`;

    // Link scanners fetch with GET: that must change nothing.
    const get = await unsubscribeGet(new Request(url));
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/unsubscribe/confirm?token=${token}`);
    expect(await findByUnsubscribeToken({ token })).toMatchObject({ status: "active" });

    // What a mail provider sends (RFC 8058): a cross-site POST with no cookies.
    const post = await unsubscribePost(
      new Request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" }),
    );
    expect(post.status).toBe(200);
    expect(await findByUnsubscribeToken({ token })).toMatchObject({ status: "unsubscribed" });
    const again = await unsubscribePost(new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }));
    expect(again.status).toBe(200); // repeating it is harmless

    const bogus = await unsubscribePost(new Request("https://paperboard.test/unsubscribe?token=nope", { method: "POST" }));
    expect(bogus.status).toBe(404);

    await run({ now: at(1) }); // the next day's digest
    expect(digestsTo("daily@example.org")).toHaveLength(1);
    expect(digestsTo("weekly@example.org")).toHaveLength(1); // still the same week: nothing new
  });

  it("reads only a small unsubscribe form: megabytes of fields are not parsed, and change nothing", async () => {
    const token = newToken();
    await getDb().insert(subscriptions).values({ email: "padded@example.org", frequency: "daily", status: "active", unsubscribeToken: token, confirmedAt: new Date() });
    const post = (body: string) =>
      unsubscribePost(new Request("https://paperboard.test/unsubscribe", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body }));
    const form = `source=page&token=${token}`;

    expect((await post(`${form}&${"a&".repeat(50_000)}`)).status).toBe(404);
    expect(await findByUnsubscribeToken({ token })).toMatchObject({ status: "active" });
    const small = await post(form);
    expect(small.status).toBe(303);
    expect(small.headers.get("location")).toBe("/unsubscribe/done");
    expect(await findByUnsubscribeToken({ token })).toMatchObject({ status: "unsubscribed" });
  });

  it("resumes after a crash between sends without sending anyone a second copy", async () => {
    await unsubscribeEveryone();
    const readers = ["c1", "c2", "c3", "c4"].map((n) => `${n}@example.org`);
    for (const email of readers) await subscribeConfirmed(email, "daily");
    const crashAfterTwo: DigestHooks = {
      afterMarked: (_send, sentSoFar) => {
        if (sentSoFar === 2) throw new Error("simulated crash");
      },
    };
    await expect(run({ now: at(2), hooks: crashAfterTwo })).rejects.toThrow("simulated crash");
    expect(readers.map((r) => digestsTo(r).length)).toEqual([1, 1, 0, 0]);

    const resumed = await run({ now: at(2, 5) });
    expect(resumed).toMatchObject({ sent: 2, skipped: 0, failed: [] });
    expect(readers.map((r) => digestsTo(r).length)).toEqual([1, 1, 1, 1]);
    expect((await run({ now: at(2, 10) })).sent).toBe(0);
  });

  it("sends each digest once when two runs go at the same time", async () => {
    await unsubscribeEveryone();
    const readers = ["p1", "p2", "p3", "p4", "p5"].map((n) => `${n}@example.org`);
    for (const email of readers) await subscribeConfirmed(email, "daily");
    const [a, b] = await Promise.all([run({ now: at(3) }), run({ now: at(3) })]);
    expect(a.sent + b.sent).toBe(readers.length);
    expect(a.failed.length + b.failed.length).toBe(0);
    expect(readers.map((r) => digestsTo(r).length)).toEqual([1, 1, 1, 1, 1]);
  });

  it("never resends on its own a digest whose run died after the mail server accepted it", async () => {
    await unsubscribeEveryone();
    await subscribeConfirmed("window@example.org", "daily");
    const crashAfterAccept: DigestHooks = {
      afterAccepted: () => {
        throw new Error("simulated crash before marking sent");
      },
    };
    await expect(run({ now: at(4), hooks: crashAfterAccept })).rejects.toThrow("simulated crash");
    expect(digestsTo("window@example.org")).toHaveLength(1);
    expect(await sendRow("window@example.org", "daily:2025-02-17")).toMatchObject({ status: "pending", attempts: 1 });

    // Soon after, it may still be sending: leave it alone.
    const soon = await run({ now: at(4, 1) });
    expect(soon).toMatchObject({ sent: 0, skipped: 1, skippedFor: { elsewhere: 1 }, interrupted: [] });
    // Later it is reported, every run, with a non-zero exit; still not resent.
    const later = await run({ now: at(4, STALE_CLAIM_MINUTES + 1) });
    expect(later).toMatchObject({ sent: 0, skipped: 0, interrupted: [expect.objectContaining({ email: "window@example.org", period: "daily:2025-02-17" })] });
    expect(exitCodeOf(later)).toBe(1);
    expect(summaryLines(later).join("\n")).toContain("1 send(s) interrupted mid-way");
    expect(digestsTo("window@example.org")).toHaveLength(1);

    // A person decides it may go again: it does, once, under the same Message-ID.
    const released = await run({ now: at(4, STALE_CLAIM_MINUTES + 2), resendInterrupted: true });
    expect(released).toMatchObject({ sent: 1, released: 1, interrupted: [] });
    const copies = digestsTo("window@example.org");
    expect(copies).toHaveLength(2);
    expect(copies[1].headers.get("message-id")).toBe(copies[0].headers.get("message-id"));
    expect(await sendRow("window@example.org", "daily:2025-02-17")).toMatchObject({ status: "sent", attempts: 2 });
  });

  it("records a refused send, reports it, and retries it on the next run", async () => {
    await unsubscribeEveryone();
    await subscribeConfirmed("bounce@example.org", "daily");
    inbox.refuse = (address) => address === "bounce@example.org";
    const failed = await run({ now: at(5) });
    expect(failed).toMatchObject({ sent: 0, skipped: 0, failed: [expect.objectContaining({ period: "daily:2025-02-18", attempts: 1, willRetry: true })] });
    expect(summaryLines(failed)[0]).toBe("digest: 0 sent, 0 skipped, 1 failed (retry next run)");
    expect(exitCodeOf(failed)).toBe(1);
    const row = await sendRow("bounce@example.org", "daily:2025-02-18");
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.lastError).toMatch(/550|unavailable/i);

    // The mail server recovers; the next run (the next day) sends the missed digest and the new one.
    inbox.refuse = null;
    const retried = await run({ now: at(6) });
    expect(retried).toMatchObject({ sent: 2, failed: [] });
    expect(digestsTo("bounce@example.org").map((m) => m.subject)).toEqual([
      "Trending on Paperboard: Tuesday, 18 February 2025",
      "Trending on Paperboard: Wednesday, 19 February 2025",
    ]);
    expect(await sendRow("bounce@example.org", "daily:2025-02-18")).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it(`gives up on a send after ${MAX_ATTEMPTS} refused attempts, and says so`, async () => {
    await unsubscribeEveryone();
    await subscribeConfirmed("stubborn@example.org", "daily", { ip: "203.0.113.71" });
    let attempts = 0;
    inbox.refuse = (address) => {
      if (address !== "stubborn@example.org") return false;
      attempts += 1; // each time the job offers the mail server this address
      return true;
    };
    try {
      const period = "daily:2025-02-21";
      for (let runs = 1; runs <= MAX_ATTEMPTS; runs++) {
        const result = await run({ now: at(8) });
        expect(result.failed).toEqual([expect.objectContaining({ period, attempts: runs, willRetry: runs < MAX_ATTEMPTS })]);
      }
      expect(summaryLines(await run({ now: at(8) }))[0]).toBe("digest: 0 sent, 1 skipped (1 given up after earlier failures), 0 failed (retry next run)");
      expect(attempts).toBe(MAX_ATTEMPTS); // the sixth run did not try the mail server
      expect(await sendRow("stubborn@example.org", period)).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });

      // The next day's run tries the next day's digest, and not the one given up on.
      const nextDay = await run({ now: at(9) });
      expect(nextDay.failed).toEqual([expect.objectContaining({ period: "daily:2025-02-22", attempts: 1 })]);
      expect(attempts).toBe(MAX_ATTEMPTS + 1);
    } finally {
      inbox.refuse = null; // a failure here must not refuse mail in the tests after it
    }
  });

  it("runs as `npm run digest` does, printing the summary and exiting non-zero on failure", async () => {
    await unsubscribeEveryone();
    // The CLI uses the real clock: list a paper yesterday and on every day of last week. Both runs
    // must see the same "yesterday" and "last week", so never start just before midnight UTC.
    await waitOutMidnightUtc(60_000); // the two CLI runs take seconds each
    const yesterday = addDays(todayUtc(), -1);
    for (let d = -8; d <= -1; d++) await listPaper({ paperId: "2502.00001", day: addDays(todayUtc(), d) });
    await subscribeConfirmed("cli@example.org", "daily");
    await subscribeConfirmed("cli-bounce@example.org", "weekly");
    inbox.refuse = (address) => address === "cli-bounce@example.org";

    const first = await runCli();
    expect(first.stdout).toContain("digest: 1 sent, 0 skipped, 1 failed (retry next run)");
    expect(first.code).toBe(1);
    expect(digestsTo("cli@example.org")).toHaveLength(1);
    expect(digestsTo("cli@example.org")[0].text).toContain(`/papers/date/${yesterday}`);

    inbox.refuse = null;
    const second = await runCli();
    expect(second.stdout.trim()).toBe("digest: 1 sent, 0 skipped, 0 failed (retry next run)");
    expect(second.code).toBe(0);
    expect(digestsTo("cli-bounce@example.org")).toHaveLength(1);
  }, 120_000);
});

/** The real CLI in a child process. An embedded directory has one opener at a time, so this test lets go of it meanwhile. */
async function runCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const database = dbConfig.kind === "server" ? { DATABASE_URL: dbConfig.url } : { DATABASE_URL: "", PGLITE_DIR: dbConfig.dir };
  if (dbConfig.kind === "embedded") await closeDb();
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn("npx", ["tsx", "--conditions=react-server", "scripts/digest.ts"], {
        env: { ...process.env, ...database, SMTP_URL: inbox.url, AUTH_URL: "https://paperboard.test", NODE_ENV: "test" },
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk) => (stdout += chunk));
      child.stderr.on("data", (chunk) => (stderr += chunk));
      child.on("error", reject);
      child.on("exit", (code) => resolve({ code, stdout, stderr }));
    });
  } finally {
    if (dbConfig.kind === "embedded") connectDb(dbConfig);
  }
}

// Last: it unsubscribes everyone the scenarios above left subscribed.
describe("a quiet period", () => {
  it("skips, and says so, subscribers whose period listed nothing", async () => {
    await unsubscribeEveryone();
    // From an address of their own: the scenarios above used up the first one's hourly requests.
    await subscribeConfirmed("quiet-daily@example.org", "daily", { ip: "203.0.113.70" });
    await subscribeConfirmed("quiet-weekly@example.org", "weekly", { ip: "203.0.113.70" });
    const aYearLater = new Date(NOW.getTime() + 365 * 86_400_000); // nothing is listed then
    const result = await run({ now: aYearLater });
    expect(result).toMatchObject({ sent: 0, skipped: 2, skippedFor: { nothingListed: 2, gaveUp: 0, elsewhere: 0 }, failed: [] });
    expect(summaryLines(result)[0]).toBe("digest: 0 sent, 2 skipped (2 nothing listed in their period), 0 failed (retry next run)");
    expect(digestsTo("quiet-daily@example.org")).toHaveLength(0);
  });
});
