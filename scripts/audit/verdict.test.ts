import { describe, expect, it } from "vitest";
import { auditVerdict } from "./verdict";

const report = (counts: Record<string, number>, vulnerabilities: Record<string, object> = {}) =>
  JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, ...counts } } });

describe("npm audit verdict", () => {
  it("passes a clean report and one with only moderate or low findings", () => {
    expect(auditVerdict(report({})).status).toBe("pass");
    expect(auditVerdict(report({ moderate: 2, low: 1 })).status).toBe("pass");
  });

  it("fails on high or critical findings and names the packages", () => {
    const verdict = auditVerdict(report({ critical: 1 }, { next: { severity: "critical", range: "<16.0.7", fixAvailable: true } }));
    expect(verdict).toEqual({ status: "fail", message: "critical 1, high 0, moderate 0, low 0: next (critical, <16.0.7, fix available)" });
    expect(auditVerdict(report({ high: 1 }, { x: { severity: "high" } })).status).toBe("fail");
  });

  it("warns but does not fail when the endpoint could not be used", () => {
    // What npm 11 prints when the registry answers the bulk advisory POST with 405.
    const unreachable = JSON.stringify({ message: "405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk", statusCode: 405, error: { summary: "", detail: "" } });
    expect(auditVerdict(unreachable)).toEqual({ status: "unchecked", message: expect.stringContaining("405 Method Not Allowed") });
    expect(auditVerdict(JSON.stringify({ error: { code: "ENOAUDIT", summary: "audit endpoint returned an error" } })).status).toBe("unchecked");
    expect(auditVerdict("").status).toBe("unchecked");
  });
});
