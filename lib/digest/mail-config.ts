import type { Env } from "../env";

// What digest and confirmation mails need to know about where they come from and link to.

export type DigestMailConfig = {
  /** Null: no mail server. Confirmation links are then logged outside production. */
  smtpUrl: string | null;
  from: string;
  /** The public origin that links in mails point to, without a trailing slash. */
  siteUrl: string;
  /** An address that unsubscribes by mail, offered beside the one-click link when set. */
  unsubscribeMailto: string | null;
};

const DEFAULT_SITE_URL = "http://localhost:3000";

/**
 * Whether readers can subscribe: with a mail server, or outside production, where confirmation
 * links go to the server log. Where it is false the site offers no digest at all.
 */
export function digestsAvailable(env: Pick<Env, "SMTP_URL" | "NODE_ENV">): boolean {
  return Boolean(env.SMTP_URL) || env.NODE_ENV !== "production";
}

export function mailConfigFromEnv(env: Env): DigestMailConfig {
  return {
    smtpUrl: env.SMTP_URL ?? null,
    from: env.EMAIL_FROM,
    // AUTH_URL is the public origin Auth.js already trusts; a request's Host header is not.
    siteUrl: new URL(env.AUTH_URL ?? DEFAULT_SITE_URL).origin,
    unsubscribeMailto: env.DIGEST_UNSUBSCRIBE_MAILTO ?? null,
  };
}

export function confirmUrl(config: Pick<DigestMailConfig, "siteUrl">, token: string): string {
  return `${config.siteUrl}/subscribe/confirm?${new URLSearchParams({ token })}`;
}

export function unsubscribeUrl(config: Pick<DigestMailConfig, "siteUrl">, token: string): string {
  return `${config.siteUrl}/unsubscribe?${new URLSearchParams({ token })}`;
}
