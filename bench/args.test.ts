import { describe, expect, it } from "vitest";
import { parseBenchArgs } from "./args";

describe("parseBenchArgs", () => {
  it("defaults to a full run: build, 20 connections, 10 s", () => {
    expect(parseBenchArgs([])).toEqual({ smoke: false, build: true, connections: 20, durationSeconds: 10 });
  });

  it("makes --smoke short and light, and --no-build skip the build", () => {
    expect(parseBenchArgs(["--smoke", "--no-build"])).toEqual({ smoke: true, build: false, connections: 2, durationSeconds: 1 });
  });

  it("takes explicit connections and duration", () => {
    expect(parseBenchArgs(["--connections", "50", "--duration", "30"])).toMatchObject({ connections: 50, durationSeconds: 30 });
  });

  it("refuses nonsense", () => {
    expect(() => parseBenchArgs(["--duration", "0"])).toThrow(/--duration/);
    expect(() => parseBenchArgs(["--conections", "5"])).toThrow();
  });
});
