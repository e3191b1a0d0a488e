import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { consumeRateLimit, consumeRateLimits } from "@/db/queries/rate-limits";
import { enforceRateLimit } from "@/lib/rate-limit";
import { allowSignInAttempt } from "@/lib/auth/sign-in-limits";
import { ipLimit, SIGN_IN_PER_ACCOUNT, userLimit } from "@/lib/rate-limit-rules";
import { createTestDatabase } from "../support/test-database";

let drop: () => Promise<void>;

beforeAll(async () => {
  ({ drop } = await createTestDatabase());
});

afterAll(async () => {
  await drop();
});

const now = new Date("2026-11-28T12:00:10Z");

describe("rate limits held in Postgres", () => {
  it("let exactly `limit` of limit+1 parallel requests through", async () => {
    const limit = 25;
    const outcomes = await Promise.all(
      Array.from({ length: limit + 1 }, () => consumeRateLimit({ key: "test:parallel", limit, windowSeconds: 60, now })),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(limit);
    const refused = outcomes.find((o) => !o.allowed);
    expect(refused).toEqual({ allowed: false, retryAfterSeconds: 60 }); // the window began with the first hit
  });

  it("start the next window with the first hit after the last one ended, never splitting a burst", async () => {
    // The window began with the first hit at 12:00:10, so it is still full at 12:01:05…
    expect(await consumeRateLimit({ key: "test:parallel", limit: 25, windowSeconds: 60, now: new Date("2026-11-28T12:01:05Z") })).toEqual({
      allowed: false,
      retryAfterSeconds: 5,
    });
    // …and a burst at 12:01:10 gets a whole fresh window: exactly 25 of 30 again.
    const later = new Date("2026-11-28T12:01:10Z");
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => consumeRateLimit({ key: "test:parallel", limit: 25, windowSeconds: 60, now: later })),
    );
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(25);
  });

  it("give accounts younger than a day a lower limit", async () => {
    const fresh = { id: "fresh-user", createdAt: new Date(now.getTime() - 60 * 60_000) };
    const { limit } = userLimit("comment", fresh.createdAt, now);
    expect(limit).toBeLessThan(userLimit("comment", new Date("2020-01-01"), now).limit);
    const attempts = await Promise.allSettled(
      Array.from({ length: limit + 3 }, () => enforceRateLimit({ action: "comment", user: fresh, ip: "203.0.113.9", now })),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(limit);
    const rejection = attempts.find((a) => a.status === "rejected") as PromiseRejectedResult;
    expect(rejection.reason).toMatchObject({ code: "rate_limited", retryAfterSeconds: expect.any(Number) });
  });

  it("cap password attempts per account, whichever addresses they come from", async () => {
    const attempts = await Promise.all(
      Array.from({ length: SIGN_IN_PER_ACCOUNT.limit + 2 }, (_, i) => allowSignInAttempt({ email: "Target@Example.org", ip: `198.51.100.${i}` })),
    );
    expect(attempts.filter(Boolean)).toHaveLength(SIGN_IN_PER_ACCOUNT.limit);
    expect(await allowSignInAttempt({ email: "target@example.org", ip: "198.51.100.250" })).toBe(false); // case does not matter
    expect(await allowSignInAttempt({ email: "someone-else@example.org", ip: "198.51.100.250" })).toBe(true);
  });

  it("cap password attempts per address, whichever accounts they try", async () => {
    const { limit } = ipLimit("sign-in");
    expect(limit).toBe(100); // as the README says
    const attempts = [];
    for (let i = 0; i < limit; i++) attempts.push(await allowSignInAttempt({ email: `victim-${i}@example.org`, ip: "192.0.2.44" }));
    expect(attempts.every(Boolean)).toBe(true);
    expect(await allowSignInAttempt({ email: "one-more@example.org", ip: "192.0.2.44" })).toBe(false);
    expect(await allowSignInAttempt({ email: "one-more@example.org", ip: "192.0.2.45" })).toBe(true); // another address
  });

  it("cap comments per address across established accounts, each under its own limit", async () => {
    const { limit } = ipLimit("comment");
    expect(limit).toBe(60);
    const established = (i: number) => ({ id: `commenter-${i}`, createdAt: new Date("2020-01-01") });
    for (let i = 0; i < limit; i++) await enforceRateLimit({ action: "comment", user: established(i), ip: "192.0.2.80", now });
    await expect(enforceRateLimit({ action: "comment", user: established(limit), ip: "192.0.2.80", now })).rejects.toMatchObject({
      code: "rate_limited",
      retryAfterSeconds: 600,
    });
    // The same account from another address is within every limit.
    await expect(enforceRateLimit({ action: "comment", user: established(limit), ip: "192.0.2.81", now })).resolves.toBeUndefined();
  });

  it("count a user's and an address's keys in one statement, each against its own limit", async () => {
    const checks = [
      { key: "test:pair:user", limit: 3, windowSeconds: 60 },
      { key: "test:pair:ip", limit: 5, windowSeconds: 30 },
    ];
    const rounds = [];
    for (let i = 0; i < 6; i++) rounds.push(await consumeRateLimits(checks, now));
    expect(rounds.map(([user, ip]) => [user.allowed, ip.allowed])).toEqual([
      [true, true],
      [true, true],
      [true, true],
      [false, true], // the user's limit is full; the address still counts the attempt
      [false, true],
      [false, false],
    ]);
    expect(rounds[5]).toEqual([
      { allowed: false, retryAfterSeconds: 60 },
      { allowed: false, retryAfterSeconds: 30 },
    ]);
    // A minute on, both windows have ended: the next hit starts each afresh.
    expect(await consumeRateLimits(checks, new Date(now.getTime() + 61_000))).toEqual([{ allowed: true }, { allowed: true }]);
  });
});
