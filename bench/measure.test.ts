import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { measure } from "./measure";

let server: http.Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

async function listen(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A server that answers requests but resets the connection (TCP RST) on every fifth. */
function flakyServer(): Promise<string> {
  let count = 0;
  return listen((request, response) => {
    if (++count % 5 === 0) request.socket.resetAndDestroy();
    else response.end("ok");
  });
}

/** A server that never answers; autocannon's own timeout ends each request. */
function silentServer(): Promise<string> {
  return listen(() => {});
}

describe("measure", () => {
  it("counts failed requests once each and says what they were", async () => {
    const origin = await flakyServer();
    const result = await measure(origin, { name: "flaky", path: "/", kind: "page" }, "identity", { connections: 2, durationSeconds: 1 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.errors).toBeGreaterThan(0);
    expect(result.errorCodes).toBeDefined();
    // Every error is accounted for by exactly one code.
    expect(Object.values(result.errorCodes!).reduce((a, b) => a + b, 0)).toBe(result.errors);
    expect(Object.keys(result.errorCodes!)).toContain("ECONNRESET");
  }, 15_000);

  it("counts a timeout as one error, not two", async () => {
    const origin = await silentServer();
    const result = await measure(origin, { name: "silent", path: "/", kind: "page" }, "identity", { connections: 1, durationSeconds: 3, timeoutSeconds: 1 });
    expect(result.requests).toBe(0);
    const timeouts = result.errorCodes?.["request timed out"] ?? 0;
    expect(timeouts).toBeGreaterThanOrEqual(1);
    expect(result.errors).toBe(timeouts);
  }, 15_000);
});
