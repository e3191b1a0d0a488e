import "server-only";
import { and, desc, eq, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "../client";
import { auditLog, users } from "../schema";

export type AuditTarget = "paper" | "entry" | "comment" | "user";

export type AuditRecord = {
  actorId: string | null;
  action: string;
  targetType: AuditTarget;
  targetId: string;
  reason?: string | null;
  details?: Record<string, unknown>;
};

/** Writes the trail of an admin change (one row, or several in one statement); call it inside the change's own transaction. */
export async function writeAudit(tx: Tx, records: AuditRecord | AuditRecord[]): Promise<void> {
  const rows = (Array.isArray(records) ? records : [records]).map((record) => ({ ...record, reason: record.reason ?? null, details: record.details ?? null }));
  if (rows.length > 0) await tx.insert(auditLog).values(rows);
}

export type AuditFilter = { action?: string; targetType?: AuditTarget; targetId?: string; before?: number; limit?: number; includePrivate?: boolean };

/**
 * Kept in the audit trail but not shown on the public log: dismissing flags would tell everyone
 * which comments readers flagged, and flags are for the moderators only.
 */
const PRIVATE_ACTIONS = ["dismiss_flags"];

/** The public moderation log, newest first, paged by id (`before`); `includePrivate` for the trail whole. */
export async function listAudit({ action, targetType, targetId, before, limit = 50, includePrivate = false }: AuditFilter) {
  const conditions: SQL[] = [];
  if (!includePrivate) conditions.push(notInArray(auditLog.action, PRIVATE_ACTIONS));
  if (action) conditions.push(eq(auditLog.action, action));
  if (targetType) conditions.push(eq(auditLog.targetType, targetType));
  if (targetId) conditions.push(eq(auditLog.targetId, targetId));
  if (before) conditions.push(lt(auditLog.id, before));
  return getDb()
    .select({
      id: auditLog.id,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      reason: auditLog.reason,
      details: auditLog.details,
      createdAt: auditLog.createdAt,
      actorUsername: users.username,
      actorDeleted: sql<boolean>`${users.deletedAt} is not null`,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(limit);
}

export async function listAuditActions(): Promise<string[]> {
  const rows = await getDb().selectDistinct({ action: auditLog.action }).from(auditLog).where(notInArray(auditLog.action, PRIVATE_ACTIONS)).orderBy(auditLog.action);
  return rows.map((r) => r.action);
}
