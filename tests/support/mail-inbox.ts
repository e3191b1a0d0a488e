import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A real SMTP server for tests (the `smtp-server` package), keeping every mail it accepts in
// memory, with just enough MIME decoding to read what nodemailer writes: headers, and the
// text/plain and text/html parts of a multipart/alternative body.

export type ReceivedMail = {
  to: string[];
  headers: Map<string, string>; // lower-cased names, unfolded, encoded-words decoded
  subject: string;
  text: string;
  html: string;
  raw: string;
};

export type MailInbox = {
  mails: ReceivedMail[];
  port: number;
  url: string;
  /** While set, recipients it returns true for are refused with a permanent 550. */
  refuse: ((address: string) => boolean) | null;
  to: (address: string) => ReceivedMail[];
  close: () => Promise<void>;
};

export async function startMailInbox({ port = 0, host = "127.0.0.1" }: { port?: number; host?: string } = {}): Promise<MailInbox> {
  const inbox: MailInbox = {
    mails: [],
    port: 0,
    url: "",
    refuse: null,
    to: (address) => inbox.mails.filter((m) => m.to.includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (inbox.refuse?.(address.address)) {
        const error = Object.assign(new Error(`Mailbox ${address.address} is unavailable`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        inbox.mails.push({ ...parseMail(raw), to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  inbox.port = (server.server.address() as AddressInfo).port;
  inbox.url = `smtp://${host}:${inbox.port}`;
  return inbox;
}

export function parseMail(raw: string): Omit<ReceivedMail, "to" | "raw"> {
  const { headers, body } = splitEntity(raw);
  const parts = leafParts(headers, body);
  const partOf = (type: string) => parts.find((p) => (p.headers.get("content-type") ?? "text/plain").startsWith(type));
  return {
    headers,
    subject: headers.get("subject") ?? "",
    text: partOf("text/plain")?.content ?? "",
    html: partOf("text/html")?.content ?? "",
  };
}

function leafParts(headers: Map<string, string>, body: string): Array<{ headers: Map<string, string>; content: string }> {
  const type = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.startsWith("multipart/") && boundary) {
    return body
      .split(`--${boundary}`)
      .slice(1)
      .filter((chunk) => !chunk.startsWith("--"))
      .flatMap((chunk) => {
        const part = splitEntity(chunk.replace(/^\r?\n/, ""));
        return leafParts(part.headers, part.body);
      });
  }
  return [{ headers, content: decodeBody(body, headers.get("content-transfer-encoding") ?? "7bit") }];
}

function splitEntity(raw: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(raw);
  const head = match ? raw.slice(0, match.index) : raw;
  const body = match ? raw.slice(match.index + match[0].length) : "";
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  const enc = encoding.toLowerCase();
  if (enc === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (enc === "quoted-printable") return decodeQuotedPrintable(body);
  return body;
}

function decodeQuotedPrintable(text: string): string {
  const soft = text.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === "=" && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i], "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}

function decodeWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=\s*/gi, (_, _charset: string, kind: string, data: string) =>
    kind.toUpperCase() === "B" ? Buffer.from(data, "base64").toString("utf8") : decodeQuotedPrintable(data.replace(/_/g, " ")),
  );
}
