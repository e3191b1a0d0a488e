import { spawnSync } from "node:child_process";
import { auditVerdict } from "./verdict";

// CI gate: `npm audit --omit=dev --audit-level=high`. Exit 1 on high or critical advisories in
// production dependencies; exit 0 with a loud warning when the audit endpoint is unreachable.
const run = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8", timeout: 120_000 });
const verdict = auditVerdict(run.stdout ?? "");
if (verdict.status === "fail") {
  console.error(`npm audit: FAILED — ${verdict.message}\nUpgrade within semver (npm update <pkg>) or pin a patched release.`);
  process.exit(1);
}
if (verdict.status === "unchecked") {
  console.warn(`WARNING: npm audit did not run — ${verdict.message}.\nWARNING: production dependencies were NOT checked for advisories in this run.`);
  process.exit(0);
}
console.log(`npm audit: no high or critical advisories in production dependencies (${verdict.message}).`);
