import { describe, expect, it } from "vitest";
import { EncodedBodies } from "./encoded-bodies";

function counting() {
  const calls: string[] = [];
  const compress = async (body: string) => {
    calls.push(body);
    return Buffer.from(`z(${body})`);
  };
  return { calls, compress };
}

describe("EncodedBodies", () => {
  it("compresses a body once, and answers every later request for the same content from that", async () => {
    const { calls, compress } = counting();
    const bodies = new EncodedBodies(compress, { entries: 4, chars: 10_000 });
    const page = "<html>" + "x".repeat(100) + "</html>";
    const [first, second] = await Promise.all([bodies.get(page), bodies.get(page)]); // in flight together
    const third = await bodies.get(page.slice(0, 10) + page.slice(10)); // equal content, another string
    expect(first.toString()).toBe(`z(${page})`);
    expect(second).toBe(first);
    expect(third).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it("compresses a re-rendered page afresh: the key is the content", async () => {
    const { calls, compress } = counting();
    const bodies = new EncodedBodies(compress, { entries: 4, chars: 10_000 });
    expect((await bodies.get("count 1")).toString()).toBe("z(count 1)");
    expect((await bodies.get("count 2")).toString()).toBe("z(count 2)");
    expect(calls).toEqual(["count 1", "count 2"]);
  });

  it("keeps only the most recently used bodies", async () => {
    const { calls, compress } = counting();
    const bodies = new EncodedBodies(compress, { entries: 2, chars: 10_000 });
    await bodies.get("a");
    await bodies.get("b");
    await bodies.get("a"); // a is now the most recent
    await bodies.get("c"); // evicts b
    expect(bodies.size).toBe(2);
    await bodies.get("a");
    await bodies.get("b");
    expect(calls).toEqual(["a", "b", "c", "b"]);
  });

  it("keeps no more characters of bodies than its limit, but always the latest", async () => {
    const { calls, compress } = counting();
    const bodies = new EncodedBodies(compress, { entries: 10, chars: 250 });
    for (const body of ["a".repeat(100), "b".repeat(100), "c".repeat(100)]) await bodies.get(body); // a goes
    expect(bodies.size).toBe(2);
    await bodies.get("b".repeat(100));
    await bodies.get("a".repeat(100));
    expect(calls.map((body) => body[0])).toEqual(["a", "b", "c", "a"]);
    await bodies.get("d".repeat(400)); // over the limit on its own: kept, alone
    expect(bodies.size).toBe(1);
  });

  it("keeps no failure: the next request compresses again", async () => {
    let fail = true;
    const bodies = new EncodedBodies(async (body) => {
      if (fail) throw new Error("zlib failed");
      return Buffer.from(body);
    }, { entries: 2, chars: 10_000 });
    await expect(bodies.get("page")).rejects.toThrow("zlib failed");
    fail = false;
    expect((await bodies.get("page")).toString()).toBe("page");
  });

  it("encodes synchronously when the encoding is synchronous, as UTF-8 bytes are", () => {
    const calls: string[] = [];
    const bodies = new EncodedBodies((body) => (calls.push(body), Buffer.from(body, "utf8")), { entries: 2, chars: 10_000 });
    const page = "<p>Erdős — ∑</p>";
    const first = bodies.get(page);
    expect(Buffer.isBuffer(first)).toBe(true);
    expect(first.toString("utf8")).toBe(page);
    expect(bodies.get(page)).toBe(first);
    expect(calls).toHaveLength(1);
  });
});
