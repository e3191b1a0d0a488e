import { describe, expect, it } from "vitest";
import { readCappedText } from "./read-capped-body";

/** A chunked request: a stream with no Content-Length, as a client may send. */
function streamed(chunks: string[]): { request: Request; pulled: () => number } {
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled === chunks.length) return controller.close();
      controller.enqueue(new TextEncoder().encode(chunks[pulled++]));
    },
  });
  return { request: new Request("http://localhost/", { method: "POST", body, duplex: "half" } as RequestInit), pulled: () => pulled };
}

describe("readCappedText", () => {
  it("reads a body within the cap, chunked or not", async () => {
    expect(await readCappedText(new Request("http://localhost/", { method: "POST", body: '{"a":1}' }), 16)).toBe('{"a":1}');
    expect(await readCappedText(streamed(["{\"a\":", "1}"]).request, 16)).toBe('{"a":1}');
  });

  it("refuses a declared length over the cap without reading", async () => {
    const request = new Request("http://localhost/", { method: "POST", body: "x", headers: { "content-length": "99999" } });
    expect(await readCappedText(request, 16)).toBeNull();
  });

  it("stops reading a chunked body as soon as it passes the cap", async () => {
    const { request, pulled } = streamed(Array.from({ length: 1000 }, () => "x".repeat(10)));
    expect(await readCappedText(request, 100)).toBeNull();
    expect(pulled()).toBeLessThan(20);
  });

  it("counts bytes, not characters", async () => {
    expect(await readCappedText(new Request("http://localhost/", { method: "POST", body: "é".repeat(10) }), 15)).toBeNull();
    expect(await readCappedText(new Request("http://localhost/", { method: "POST", body: "é".repeat(10) }), 20)).toBe("é".repeat(10));
  });
});
