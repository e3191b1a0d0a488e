// Is this error "the database cannot be reached right now" rather than a bug or bad data? Such
// errors become a 503 (AppError code `unavailable`) instead of a 500, and open the outage
// circuit (lib/db-outage.ts) so the next requests are answered without trying the database.

// Node's socket errors and postgres.js's own codes for a connection that failed or went away.
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

// SQLSTATEs a server sends while it shuts down, starts up or loses the connection:
// class 08 (connection exception) and 57P01–57P03 (admin/crash shutdown, cannot connect now).
const SQLSTATE = /^(08[0-9A-Z]{3}|57P0[123])$/;

export function isDatabaseUnavailable(error: unknown): boolean {
  // Drizzle wraps driver errors (DrizzleQueryError) and Node wraps multi-address connection
  // failures (AggregateError): look through causes and aggregated errors, a few levels deep.
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const { code, cause, errors } = current as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && (CONNECTION_CODES.has(code) || SQLSTATE.test(code))) return true;
    pending.push(cause);
    if (Array.isArray(errors)) pending.push(...errors);
  }
  return false;
}
