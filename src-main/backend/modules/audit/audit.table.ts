import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { localId } from '#main/backend/db/columns';

/** Every admin action leaves a row here (SPEC §3, accounts and security). */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: localId(),
    actorUserId: integer('actor_user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id').notNull(),
    /** JSON object with the before/after values that matter for the action. */
    detail: text('detail').notNull().default('{}'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('audit_log_target_idx').on(t.targetType, t.targetId)],
);

export type AuditRow = typeof auditLog.$inferSelect;
