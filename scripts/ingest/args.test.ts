import { describe, expect, it } from "vitest";
import { parseIngestArgs } from "./args";

const message = (argv: string[]) => {
  const parsed = parseIngestArgs(argv);
  if (parsed.ok) throw new Error(`expected a refusal for ${argv.join(" ")}`);
  return parsed.message;
};

describe("parseIngestArgs", () => {
  it("searches the default categories for the day, a hundred a page, without listing", () => {
    expect(parseIngestArgs(["--date", "2024-01-15"])).toEqual({
      ok: true,
      help: false,
      options: {
        day: "2024-01-15",
        source: { kind: "search", categories: ["cs.LG", "cs.CL", "cs.CV", "cs.AI", "stat.ML"] },
        list: false,
        pageSize: 100,
      },
    });
  });

  it("takes categories repeated or comma-separated, --list and --page-size", () => {
    const parsed = parseIngestArgs([
      ...["--date", "2024-01-15", "--category", "cs.LG,stat.ML", "--category", "hep-th"],
      ...["--list", "--page-size", "50"],
    ]);
    expect(parsed).toMatchObject({
      ok: true,
      options: { source: { kind: "search", categories: ["cs.LG", "stat.ML", "hep-th"] }, list: true, pageSize: 50 },
    });
  });

  it("takes IDs in any form parseArxivId reads, canonical and once each", () => {
    const parsed = parseIngestArgs(["--date", "2024-01-15", "--ids", "2401.12509v2, arXiv:hep-th/9711200,https://arxiv.org/abs/2401.12509"]);
    expect(parsed).toMatchObject({ ok: true, options: { source: { kind: "ids", ids: ["2401.12509", "hep-th/9711200"] } } });
  });

  it("answers --help", () => {
    expect(parseIngestArgs(["--help"])).toEqual({ ok: true, help: true });
  });

  it("refuses with a message that says what to fix", () => {
    expect(message([])).toMatch(/--date is required/);
    expect(message(["--date", "2024-02-30"])).toMatch(/February 2024 has 29 days/);
    expect(message(["--date", "2024-01-15", "--category", "cs.LG OR all:x"])).toMatch(/“cs.LG OR all:x” is not an arXiv category/);
    expect(message(["--date", "2024-01-15", "--ids", "2401.1"])).toMatch(/“2401.1” is not an arXiv identifier/);
    expect(message(["--date", "2024-01-15", "--ids", ","])).toMatch(/--ids needs at least one identifier/);
    expect(message(["--date", "2024-01-15", "--ids", "2401.12509", "--category", "cs.LG"])).toMatch(/either --ids or --category/);
    for (const size of ["0", "2001", "ten", "1.5"]) {
      expect(message(["--date", "2024-01-15", "--page-size", size])).toMatch(/--page-size must be a whole number from 1 to 2000/);
    }
  });

  it("refuses unknown options and stray words, and says how to give several categories", () => {
    expect(message(["--date", "2024-01-15", "--dry-run"])).toMatch(/Unknown option '--dry-run'/);
    expect(message(["--date", "2024-01-15", "--category", "cs.LG", "cs.CL"])).toMatch(
      /Unexpected argument 'cs.CL'[\s\S]*separate them with commas/,
    );
  });
});
