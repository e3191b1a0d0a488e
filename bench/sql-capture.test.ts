import { describe, expect, it } from "vitest";
import { seqScansOf, explainable } from "./explain";
import { scriptSources } from "./measure";
import { inlineParams, messageReader, type CapturedQuery } from "./sql-capture";
import { benchTargets, mePath, paperIdsOnPage, votePair } from "./targets";

const message = (type: string, body: Buffer) => {
  const header = Buffer.alloc(5);
  header.write(type, 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
};
const cstr = (s: string) => Buffer.from(`${s}\0`);
const int16 = (n: number) => Buffer.from([n >> 8, n & 255]);
const int32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

describe("SQL capture from the wire protocol", () => {
  it("pairs each Bind with its parsed statement and reads text parameters, across chunk boundaries", () => {
    const seen: CapturedQuery[] = [];
    const read = messageReader((q) => seen.push(q));
    const startup = Buffer.concat([int32(8), int32(80877103)]); // SSLRequest, then the real startup
    const realStartup = Buffer.concat([int32(9), int32(196608), Buffer.from([0])]);
    const parse = message("P", Buffer.concat([cstr("s1"), cstr("select * from papers where id = $1 and day > $2"), int16(0)]));
    const bind = message("B", Buffer.concat([cstr(""), cstr("s1"), int16(0), int16(2), int32(10), Buffer.from("2401.00001"), int32(-1), int16(0)]));
    const query = message("Q", cstr("begin"));
    const stream = Buffer.concat([startup, realStartup, parse, bind, query]);
    for (let i = 0; i < stream.length; i += 7) read(stream.subarray(i, i + 7));
    expect(seen).toEqual([
      { text: "select * from papers where id = $1 and day > $2", params: ["2401.00001", null] },
      { text: "begin", params: [] },
    ]);
  });

  it("writes parameters in as quoted literals for EXPLAIN, $10 not mistaken for $1", () => {
    const params = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    params[1] = "it's";
    expect(inlineParams({ text: "select $1, $2, $10, $11", params: [...params.slice(0, 2), null, ...params.slice(3)] })).toBe("select 'v1', 'it''s', 'v10', $11");
  });

  it("explains reads only, and finds sequential scans anywhere in a plan", () => {
    expect(explainable('select "id" from "papers"')).toBe(true);
    expect(explainable("with x as (delete from votes returning *) select * from x")).toBe(false);
    expect(explainable("begin")).toBe(false);
    expect(explainable("select b.oid, b.typarray from pg_catalog.pg_type a")).toBe(false);
    const plan = { "Node Type": "Nested Loop", Plans: [{ "Node Type": "Seq Scan", "Relation Name": "papers" }, { "Node Type": "Index Scan", "Relation Name": "votes", Plans: [{ "Node Type": "Parallel Seq Scan", "Relation Name": "comments" }] }] };
    expect(seqScansOf(plan)).toEqual(["papers", "comments"]);
  });
});

describe("what a page references", () => {
  it("finds the paper IDs a page links to and the /api/me request the browser makes for them", () => {
    const html = '<a href="/papers/2401.00001">a</a><a href="/papers/2401.00001">again</a><a href="/papers/1501.1234">b</a><a href="/papers/date/2024-01-01">day</a>';
    expect(paperIdsOnPage(html)).toEqual(["2401.00001", "1501.1234"]);
    expect(mePath(["2401.00001", "1501.1234"])).toBe("/api/me?papers=1501.1234%2C2401.00001");
  });

  it("counts only the app's own scripts as first-load JavaScript", () => {
    const html = '<script src="/_next/static/chunks/a.js" async=""></script><script nonce="n" src="/_next/static/chunks/b.js"></script><script src="https://cdn.example/x.js"></script><script src="/_next/static/chunks/a.js"></script><script src="/_next/static/chunks/polyfills.js" noModule=""></script>';
    expect(scriptSources(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js"]);
  });
});

describe("vote rotation", () => {
  it("gives every request a new (voter, paper) pair until voters × papers requests", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 30 * 7; i++) {
      const { voter, paper } = votePair(i, 30, 7);
      seen.add(`${voter}:${paper}`);
    }
    expect(seen.size).toBe(30 * 7);
  });

  it("warms the vote endpoint up with other voters from other addresses than the measured ones", () => {
    const fixtures = { readerCookies: ["r=1"], voterCookies: ["v=1", "v=2", "v=3"], warmUpVoterCookies: ["w=1", "w=2"], discussedPaperId: "2401.00001" };
    const [vote] = benchTargets({ origin: "http://x", homeHtml: "", listedPaperIds: ["2401.00001", "2401.00002"], fixtures }).filter((t) => t.kind === "write");
    const requests = (make: NonNullable<typeof vote.vary>, n: number) => Array.from({ length: n }, (_, i) => make(i));
    const measured = requests(vote.vary!, 6);
    const warmUp = requests(vote.warmUp!, 4);
    const of = (list: typeof measured, header: string) => new Set(list.map((r) => r.headers[header]));
    expect(of(measured, "cookie")).toEqual(new Set(fixtures.voterCookies));
    expect(of(warmUp, "cookie")).toEqual(new Set(fixtures.warmUpVoterCookies));
    expect([...of(warmUp, "x-real-ip")].filter((ip) => of(measured, "x-real-ip").has(ip))).toEqual([]);
    expect(new Set(measured.map((r) => `${r.headers.cookie} ${r.body}`)).size).toBe(6);
  });
});
