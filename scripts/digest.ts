import { closeDb, configFromEnv, connectDb } from "@/db/client";
import { mailConfigFromEnv } from "@/lib/digest/mail-config";
import { smtpMailer } from "@/lib/digest/mailer";
import { runDigest } from "@/lib/digest/run-digest";
import { exitCodeOf, summaryLines } from "@/lib/digest/summary";
import { getEnv } from "@/lib/env";

// `npm run digest`, for cron: mails each active subscriber the digest of their last complete
// period (yesterday, or last ISO week) once. Safe to run again or concurrently; see README.
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== "--resend-interrupted");
if (unknown.length > 0) {
  console.error(`Unknown argument ${unknown[0]}. Usage: npm run digest [-- --resend-interrupted]`);
  process.exit(2);
}

const mailConfig = mailConfigFromEnv(getEnv());
if (!mailConfig.smtpUrl) {
  console.error("digest: SMTP_URL is unset, so no digest can be sent. Set it to smtp://user:pass@host:587 (or smtps://…).");
  process.exit(2);
}

connectDb(configFromEnv());
const mailer = smtpMailer(mailConfig.smtpUrl);
try {
  const result = await runDigest({ mailer, config: mailConfig, resendInterrupted: args.includes("--resend-interrupted") });
  for (const line of summaryLines(result)) console.log(line);
  process.exitCode = exitCodeOf(result);
} catch (error) {
  // A database or programming error: what was sent is marked; the rest goes on the next run.
  console.error("digest: the run stopped early:", error);
  process.exitCode = 1;
} finally {
  mailer.close();
  await closeDb();
}
