import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { measure } from "./measure";

let server: http.Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers requests but resets the connection (TCP RST) on every fifth. */
async function flakyServer(): Promise<string> {
  let count = 0;
  server = http.createServer((request, response) => {
    if (++count % 5 === 0) request.socket.resetAndDestroy();
    else response.end("ok");
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
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
  });
});
