import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args";

describe("parseBenchArgs", () => {
  it("defaults to a full run: build, 20 connections, 8 s, both encodings, the issue's dataset", () => {
    expect(parseBenchArgs([])).toEqual({
      smoke: false,
      build: true,
      connections: 20,
      durationSeconds: 8,
      encodings: ["identity", "gzip"],
      dataset: { papers: 100_000, users: 20_000, votes: 1_000_000, comments: 200_000 },
      growth: false,
      voters: 3_000,
    });
  });

  it("makes --smoke short and light on the demo data, and --no-build skip the build", () => {
    expect(parseBenchArgs(["--smoke", "--no-build"])).toMatchObject({
      smoke: true,
      build: false,
      connections: 2,
      durationSeconds: 1,
      encodings: ["gzip"],
      dataset: { papers: 0, users: 0, votes: 0, comments: 0 },
    });
  });

  it("takes explicit load, encoding, dataset sizes and growth", () => {
    expect(parseBenchArgs(["--connections", "50", "--duration", "30", "--encoding", "gzip", "--papers", "1000", "--growth"])).toMatchObject({
      connections: 50,
      durationSeconds: 30,
      encodings: ["gzip"],
      dataset: { papers: 1000, users: 20_000 },
      growth: true,
    });
  });

  it("measures Brotli only when asked", () => {
    expect(parseBenchArgs(["--encoding", "br"]).encodings).toEqual(["br"]);
    expect(parseBenchArgs(["--encoding", "all"]).encodings).toEqual(["identity", "gzip", "br"]);
  });

  it("refuses nonsense", () => {
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow(/--duration/);
    expect(() => parseBenchArgs(["--conections", "5"])).toThrow();
    expect(() => parseBenchArgs(["--encoding", "zstd"])).toThrow(/--encoding/);
    expect(() => parseBenchArgs(["--smoke", "--growth"])).toThrow(/--growth/);
    expect(() => parseBenchArgs(["--papers", "10", "--users", "0"])).toThrow(/--users/);
  });
});
