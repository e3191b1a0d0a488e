import { describe, expect, it } from "vitest";
import { migrationStatus, pendingReason } from "./readiness";

const journal = [
  { tag: "0000_init", when: 100 },
  { tag: "0001_accounts", when: 200 },
  { tag: "0002_community", when: 300 },
];

describe("migrationStatus", () => {
  it("counts every journal entry recorded as applied", () => {
    expect(migrationStatus(journal, [100, 200, 300])).toEqual({ applied: 3, expected: 3, pending: [] });
  });

  it("names the entries not yet applied", () => {
    const status = migrationStatus(journal, [100]);
    expect(status).toEqual({ applied: 1, expected: 3, pending: ["0001_accounts", "0002_community"] });
    expect(pendingReason(status)).toBe("migrations pending (1 of 3 applied)");
  });

  it("ignores rows from migrations this build does not know (a newer deploy ran first)", () => {
    expect(migrationStatus(journal, [100, 200, 300, 400])).toEqual({ applied: 3, expected: 3, pending: [] });
  });

  it("treats a never-migrated database as nothing applied", () => {
    expect(migrationStatus(journal, []).applied).toBe(0);
  });
});
