import net from "node:net";

// A TCP proxy between the app and PostgreSQL that reads the statements going by (the wire
// protocol's Parse, Bind and Query messages) and forwards every byte unchanged. Pointing the
// server's DATABASE_URL at it shows exactly the SQL and parameters a page runs, whatever code
// issues them, without touching the app.

export type CapturedQuery = { text: string; params: (string | null)[] };

export type SqlCapture = { url: string; take: () => CapturedQuery[]; close: () => Promise<void> };

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

export async function startSqlCapture(databaseUrl: string, port: number): Promise<SqlCapture> {
  const upstream = new URL(databaseUrl);
  let captured: CapturedQuery[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const pg = net.connect(Number(upstream.port || 5432), upstream.hostname);
    sockets.add(client).add(pg);
    const parse = messageReader((query) => captured.push(query));
    client.on("data", (chunk: Buffer) => {
      parse(chunk);
      pg.write(chunk);
    });
    pg.pipe(client);
    const end = () => (client.destroy(), pg.destroy(), sockets.delete(client), sockets.delete(pg));
    client.on("close", end).on("error", end);
    pg.on("close", end).on("error", end);
  });
  await new Promise<void>((resolve, reject) => server.once("error", reject).listen(port, "127.0.0.1", resolve));
  const proxied = new URL(databaseUrl);
  proxied.hostname = "127.0.0.1";
  proxied.port = String(port);
  return {
    url: proxied.toString(),
    take: () => {
      const taken = captured;
      captured = [];
      return taken;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Reads the client's side of one connection, chunk by chunk, calling `onQuery` per executed statement. */
export function messageReader(onQuery: (query: CapturedQuery) => void): (chunk: Buffer) => void {
  let buffer = Buffer.alloc(0);
  let startup = true; // the first message (and one after an SSL/GSS request) has no type byte
  const statements = new Map<string, string>();
  return (chunk) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      if (startup) {
        if (buffer.length < 8) return;
        const length = buffer.readInt32BE(0);
        if (buffer.length < length) return;
        const code = buffer.readInt32BE(4);
        startup = code === SSL_REQUEST || code === GSS_REQUEST;
        buffer = buffer.subarray(length);
        continue;
      }
      if (buffer.length < 5) return;
      const type = String.fromCharCode(buffer[0]);
      const length = buffer.readInt32BE(1);
      if (buffer.length < 1 + length) return;
      const body = buffer.subarray(5, 1 + length);
      buffer = buffer.subarray(1 + length);
      if (type === "P") {
        const [name, afterName] = cString(body, 0);
        const [text] = cString(body, afterName);
        statements.set(name, text);
      } else if (type === "B") {
        const [, afterPortal] = cString(body, 0);
        const [statement, afterStatement] = cString(body, afterPortal);
        onQuery({ text: statements.get(statement) ?? "", params: bindParams(body, afterStatement) });
      } else if (type === "Q") {
        onQuery({ text: cString(body, 0)[0], params: [] });
      }
    }
  };
}

function cString(body: Buffer, offset: number): [string, number] {
  const end = body.indexOf(0, offset);
  return [body.toString("utf8", offset, end), end + 1];
}

function bindParams(body: Buffer, offset: number): (string | null)[] {
  let at = offset;
  const formatCount = body.readInt16BE(at);
  at += 2;
  const formats = Array.from({ length: formatCount }, (_, i) => body.readInt16BE(at + 2 * i));
  at += 2 * formatCount;
  const count = body.readInt16BE(at);
  at += 2;
  const params: (string | null)[] = [];
  for (let i = 0; i < count; i++) {
    const length = body.readInt32BE(at);
    at += 4;
    if (length === -1) {
      params.push(null);
      continue;
    }
    const binary = (formats.length === 1 ? formats[0] : (formats[i] ?? 0)) === 1;
    params.push(binary ? `\\x${body.toString("hex", at, at + length)}` : body.toString("utf8", at, at + length));
    at += length;
  }
  return params;
}

/** The statement with its parameters written in as literals, for EXPLAIN. */
export function inlineParams({ text, params }: CapturedQuery): string {
  return text.replace(/\$(\d+)/g, (whole, n: string) => {
    const value = params[Number(n) - 1];
    if (value === undefined) return whole;
    return value === null ? "null" : `'${value.replace(/'/g, "''")}'`;
  });
}
