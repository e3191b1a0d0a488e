// What `npm audit --omit=dev --audit-level=high --json` said, as a CI verdict. The registry's audit
// endpoint is not always reachable (some mirrors answer 405); then nothing was checked, which is
// a warning, not a failure — but a real report with high or critical advisories always fails.

export type AuditVerdict = { status: "pass" | "fail" | "unchecked"; message: string };

type Report = {
  metadata?: { vulnerabilities?: Partial<Record<"info" | "low" | "moderate" | "high" | "critical" | "total", number>> };
  vulnerabilities?: Record<string, { severity?: string; range?: string; fixAvailable?: unknown }>;
  message?: string;
  error?: { summary?: string };
};

export function auditVerdict(stdout: string): AuditVerdict {
  let report: Report;
  try {
    report = JSON.parse(stdout) as Report;
  } catch {
    return { status: "unchecked", message: "npm audit printed no report (is the registry reachable?)" };
  }
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    const why = report.error?.summary || report.message || "no report";
    return { status: "unchecked", message: `the audit endpoint could not be used: ${why}` };
  }
  const serious = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v.severity === "high" || v.severity === "critical")
    .map(([name, v]) => `${name} (${v.severity}${v.range ? `, ${v.range}` : ""}${v.fixAvailable ? ", fix available" : ""})`);
  const summary = `critical ${counts.critical ?? 0}, high ${counts.high ?? 0}, moderate ${counts.moderate ?? 0}, low ${counts.low ?? 0}`;
  if ((counts.high ?? 0) + (counts.critical ?? 0) > 0) return { status: "fail", message: `${summary}: ${serious.join("; ")}` };
  return { status: "pass", message: summary };
}
