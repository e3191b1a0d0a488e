import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-unavailable";

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe("isDatabaseUnavailable", () => {
  it("recognises refused, dropped and timed-out connections", () => {
    for (const code of ["ECONNREFUSED", "ECONNRESET", "CONNECTION_CLOSED", "CONNECTION_ENDED", "CONNECT_TIMEOUT"]) {
      expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    }
  });

  it("recognises a server shutting down or starting up", () => {
    expect(isDatabaseUnavailable(withCode("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("57P03", "the database system is starting up"))).toBe(true);
    expect(isDatabaseUnavailable(withCode("08006"))).toBe(true);
  });

  it("looks through drizzle's wrapper and Node's AggregateError", () => {
    const wrapped = Object.assign(new Error("Failed query: select 1"), { cause: withCode("57P01") });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new AggregateError([withCode("ECONNREFUSED")]), { code: undefined }))).toBe(true);
  });

  it("leaves bugs and bad data alone", () => {
    expect(isDatabaseUnavailable(withCode("23505", "duplicate key value"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("42P01", "relation does not exist"))).toBe(false);
    expect(isDatabaseUnavailable(withCode("57014", "canceling statement due to statement timeout"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    const loop: { code?: string; cause?: unknown } = {};
    loop.cause = loop;
    expect(isDatabaseUnavailable(loop)).toBe(false);
  });
});
