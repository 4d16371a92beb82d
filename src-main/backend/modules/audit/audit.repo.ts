import type { AppDb } from '#main/backend/db/client';
import { auditLog } from './audit.table.ts';

export interface AuditEntry {
  actorUserId: number | null;
  action: string;
  targetType: string;
  targetId: string | number;
  detail?: Record<string, unknown>;
  at: Date;
}

export function createAuditRepo(db: AppDb) {
  return {
    /** Call inside the transaction that performs the action, so both commit or neither. */
    record(entry: AuditEntry): void {
      db.insert(auditLog)
        .values({
          actorUserId: entry.actorUserId,
          action: entry.action,
          targetType: entry.targetType,
          targetId: String(entry.targetId),
          detail: JSON.stringify(entry.detail ?? {}),
          createdAt: entry.at.toISOString(),
        })
        .run();
    },
  };
}

export type AuditRepo = ReturnType<typeof createAuditRepo>;
