import "server-only";
import { consumeRateLimit } from "@/db/queries/rate-limits";
import { AppError } from "../errors";
import type { Limit } from "../rate-limit-rules";

// Every subscription request may send a mail to an address nobody has proven is the requester's,
// so requests are counted per client address and per target address.

/** One client subscribing many addresses (or one, many times). */
export const SUBSCRIBE_PER_IP: Limit = { limit: 20, windowSeconds: 60 * 60 };
/** Many clients mail-bombing one inbox with confirmation mails. */
export const SUBSCRIBE_PER_ADDRESS: Limit = { limit: 3, windowSeconds: 60 * 60 };

/** Throws `rate_limited` (shown to the requester) when this client asked too often. */
export async function enforceSubscribeIpLimit({ ip, now = new Date() }: { ip: string | null; now?: Date }): Promise<void> {
  if (!ip) return;
  const outcome = await consumeRateLimit({ key: `subscribe:ip:${ip}`, ...SUBSCRIBE_PER_IP, now });
  if (!outcome.allowed) {
    throw new AppError("rate_limited", {
      message: `Too many subscription requests from your network. Try again in ${Math.ceil(outcome.retryAfterSeconds / 60)} minutes.`,
      retryAfterSeconds: outcome.retryAfterSeconds,
    });
  }
}

/**
 * Whether another confirmation mail may go to this address now. The caller answers the same
 * "check your inbox" either way: saying "too many" would tell strangers about the address.
 */
export async function allowConfirmationMail({ email, now = new Date() }: { email: string; now?: Date }): Promise<boolean> {
  return (await consumeRateLimit({ key: `subscribe:address:${email}`, ...SUBSCRIBE_PER_ADDRESS, now })).allowed;
}
