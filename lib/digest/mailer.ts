import "server-only";
import { createTransport } from "nodemailer";

// One SMTP path for digest and confirmation mails. A mail counts as sent only when the server
// accepted it for every recipient; anything else throws, so the caller records a failure.

export type OutgoingMail = {
  to: string;
  from: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** A fixed Message-ID makes a resent copy recognisable as the same mail to many mailboxes. */
  messageId?: string;
};

export type Mailer = { send: (mail: OutgoingMail) => Promise<{ messageId: string }>; close: () => void };

// Short timeouts bound how long a send can take, which is what lets the digest job tell a send in
// progress from one a crashed run left behind (STALE_CLAIM_MINUTES in lib/digest/run-digest.ts).
const TIMEOUTS_MS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

export function smtpMailer(smtpUrl: string): Mailer {
  const transport = createTransport(withTimeouts(smtpUrl));
  return {
    async send(mail) {
      const result = await transport.sendMail(mail);
      const refused = [...(result.rejected ?? []), ...(result.pending ?? [])];
      if (refused.length > 0) throw new Error(`The mail server did not accept the mail for ${refused.map(String).join(", ")}`);
      return { messageId: result.messageId };
    },
    close: () => transport.close(),
  };
}

/** nodemailer reads options from the URL's query; ours apply unless the URL sets its own. */
function withTimeouts(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  for (const [name, ms] of Object.entries(TIMEOUTS_MS)) {
    if (!url.searchParams.has(name)) url.searchParams.set(name, String(ms));
  }
  return url.toString();
}

/**
 * Runs `use` with a mailer for the configured SMTP server (null when none is configured), and
 * closes its connection after, whatever happens.
 */
export async function withMailer<T>(smtpUrl: string | null, use: (mailer: Mailer | null) => Promise<T>): Promise<T> {
  const mailer = smtpUrl ? smtpMailer(smtpUrl) : null;
  try {
    return await use(mailer);
  } finally {
    mailer?.close();
  }
}
