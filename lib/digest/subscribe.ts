import "server-only";
import { activateVerifiedSubscription, recordSubscriptionRequest } from "@/db/queries/subscriptions";
import type { SessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { CONFIRM_LINK_HOURS, confirmationMessage } from "./confirmation-message";
import { confirmUrl, type DigestMailConfig } from "./mail-config";
import type { Mailer } from "./mailer";
import { allowConfirmationMail, enforceSubscribeIpLimit } from "./subscribe-limits";
import type { SubscribeInput } from "./schemas";
import { hashToken, newToken } from "./tokens";

export type SubscribeOutcome = "check-inbox" | "subscribed";

/**
 * A request to get the digest. Double opt-in: the address gets a confirmation link and nothing
 * else until it is used. The answer is "check your inbox" whatever the address's history, so the
 * form cannot be used to learn who subscribes. Only a signed-in reader's own verified address
 * skips the link: they already proved they read that inbox.
 */
export async function requestSubscription({
  email,
  frequency,
  user,
  ip,
  config,
  mailer,
  now = new Date(),
}: SubscribeInput & {
  user: SessionUser | null;
  ip: string | null;
  config: DigestMailConfig;
  /** Null when no mail server is configured; the link is then logged (development only). */
  mailer: Mailer | null;
  now?: Date;
}): Promise<SubscribeOutcome> {
  await enforceSubscribeIpLimit({ ip, now });

  if (user && user.emailVerified && !user.bannedAt && user.email?.normalize("NFKC").toLowerCase() === email) {
    await activateVerifiedSubscription({ email, frequency, userId: user.id, unsubscribeToken: newToken(), now });
    return "subscribed";
  }

  if (!(await allowConfirmationMail({ email, now }))) return "check-inbox";

  const token = newToken();
  await recordSubscriptionRequest({
    email,
    frequency,
    confirmTokenHash: hashToken(token),
    confirmExpiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000),
    unsubscribeToken: newToken(),
  });
  const url = confirmUrl(config, token);
  if (!mailer) {
    console.info(`[digest] Confirmation link for ${email} (SMTP_URL is unset, so it is logged instead of sent):\n${url}`);
    return "check-inbox";
  }
  try {
    await mailer.send({ to: email, from: config.from, ...confirmationMessage({ frequency, url }) });
  } catch (error) {
    throw new AppError("internal", { message: "We could not send the confirmation email just now. Please try again in a few minutes.", cause: error });
  }
  return "check-inbox";
}
