import { getAppliedMigrationTimes, pingDatabase } from "@/db/queries/health";
import journal from "@/db/migrations/meta/_journal.json";
import { migrationStatus, pendingReason } from "@/lib/readiness";
import { markDatabaseSuspect, markDatabaseUp } from "@/lib/db-outage";
import { jsonRoute } from "@/lib/api/json-route";

// Short enough that a load balancer's probe (typically 2–5 s) gets our answer, not its own timeout.
const PING_TIMEOUT_MS = 1_500;

const NO_STORE = { "cache-control": "no-store" };

// GET /api/ready: 200 only when this process can serve, i.e. the database answers and has every
// migration this build was made with. The reason is short and fixed; errors go to the log only.
export const GET = jsonRoute(async (_request: Request) => {
  try {
    await pingDatabase({ timeoutMs: PING_TIMEOUT_MS });
  } catch (error) {
    console.error("readiness: database unreachable", error);
    markDatabaseSuspect(); // so pages answer 503 too until a probe finds it back
    return notReady("database unreachable");
  }
  // The pool itself just answered: pages need not wait for the outage gate's next probe (after a
  // restart, one query on a connection the restart closed had marked the database down again).
  markDatabaseUp();
  try {
    const status = migrationStatus(journal.entries, await getAppliedMigrationTimes());
    const migrations = { applied: status.applied, expected: status.expected };
    if (status.pending.length > 0) return notReady(pendingReason(status), { migrations, pending: status.pending });
    return Response.json({ status: "ready", migrations }, { headers: NO_STORE });
  } catch (error) {
    console.error("readiness: migration check failed", error);
    return notReady("migration check failed");
  }
});

function notReady(reason: string, details: object = {}): Response {
  return Response.json({ status: "unavailable", reason, ...details }, { status: 503, headers: NO_STORE });
}
