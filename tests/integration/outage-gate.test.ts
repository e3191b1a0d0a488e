import { afterEach, describe, expect, it } from "vitest";
import { databaseOutageResponse } from "@/db/outage-gate";
import { databaseBelievedDown, markDatabaseSuspect, markDatabaseUp } from "@/lib/db-outage";

// proxy.ts's outage gate on its own: what it answers while the database is believed down, what it
// lets through, and that one successful probe closes the circuit. Nothing listens on port 1.

const DOWN = "postgres://postgres@127.0.0.1:1/postgres";
const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => markDatabaseUp());

describe("the outage gate", () => {
  it("lets everything through while the database is believed up, and always on the embedded database", async () => {
    expect(await databaseOutageResponse(get("/"), { databaseUrl: DOWN })).toBeNull();
    markDatabaseSuspect();
    expect(await databaseOutageResponse(get("/"), { databaseUrl: undefined })).toBeNull();
  });

  it("answers pages with a 503 page and /api with JSON, but never liveness, readiness or Server Actions", async () => {
    markDatabaseSuspect();
    const page = await databaseOutageResponse(get("/papers/2401.00001"), { databaseUrl: DOWN });
    expect(page?.status).toBe(503);
    expect(page?.headers.get("content-type")).toMatch(/^text\/html/);
    expect(page?.headers.get("retry-after")).toBe("5");
    expect(page?.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await page?.text()).toContain("Paperboard is temporarily unavailable");

    const api = await databaseOutageResponse(get("/api/daily_papers"), { databaseUrl: DOWN });
    expect(api?.status).toBe(503);
    expect((await api?.json()).error.code).toBe("unavailable");

    expect(await databaseOutageResponse(get("/api/health"), { databaseUrl: DOWN })).toBeNull();
    expect(await databaseOutageResponse(get("/api/ready"), { databaseUrl: DOWN })).toBeNull();
    expect(await databaseOutageResponse(get("/", { "next-action": "abc" }), { databaseUrl: DOWN })).toBeNull();
  });

  it.skipIf(!process.env.DATABASE_URL)("closes the circuit when a probe finds the database (server pass)", async () => {
    markDatabaseSuspect();
    await wait(1_100); // probes are at most a second apart
    expect(await databaseOutageResponse(get("/"), { databaseUrl: process.env.DATABASE_URL })).toBeNull();
    expect(databaseBelievedDown()).toBe(false);
  });

  it.skipIf(!process.env.DATABASE_URL)("checks a suspicion raised right after a successful probe at once, instead of answering 503 (server pass)", async () => {
    await wait(1_100); // past any failed probe of the tests above
    markDatabaseSuspect();
    expect(await databaseOutageResponse(get("/"), { databaseUrl: process.env.DATABASE_URL })).toBeNull();
    // A pooled connection the restart had closed is found a moment later: no failed probe since.
    markDatabaseSuspect();
    expect(await databaseOutageResponse(get("/api/votes/papers"), { databaseUrl: process.env.DATABASE_URL })).toBeNull();
    expect(databaseBelievedDown()).toBe(false);
  });

  it("while a probe has just failed, answers 503 without asking again", async () => {
    await wait(1_100);
    markDatabaseSuspect();
    expect((await databaseOutageResponse(get("/"), { databaseUrl: DOWN }))?.status).toBe(503);
    // Even the server that is up is not asked within the interval: the answer is the failed one.
    expect((await databaseOutageResponse(get("/"), { databaseUrl: process.env.DATABASE_URL ?? DOWN }))?.status).toBe(503);
    expect(databaseBelievedDown()).toBe(true);
  });
});
