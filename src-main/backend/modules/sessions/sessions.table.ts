import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';
import { devices } from '#main/backend/modules/devices/devices.table';

/** A customer shopping with a smart cart, from QR scan to checkout (or abandonment). */
export const shoppingSessions = sqliteTable(
  'shopping_sessions',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    deviceId: integer('device_id')
      .notNull()
      .references(() => devices.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: ['active', 'checkout', 'completed', 'abandoned', 'expired'] })
      .notNull()
      .default('active'),
    /** Bumped on every change; live clients catch up from the version they last saw. */
    version: integer('version').notNull().default(1),
    startedAt: text('started_at').notNull(),
    lastActivityAt: text('last_activity_at').notNull(),
    endedAt: text('ended_at'),
    endedBy: integer('ended_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('shopping_sessions_uuid_unique').on(t.uuid),
    // One open session per cart and per customer, enforced by the database itself.
    uniqueIndex('shopping_sessions_open_device_unique')
      .on(t.deviceId)
      .where(sql`${t.status} in ('active','checkout')`),
    uniqueIndex('shopping_sessions_open_user_unique')
      .on(t.userId)
      .where(sql`${t.status} in ('active','checkout')`),
    check(
      'shopping_sessions_status_check',
      sql`${t.status} in ('active','checkout','completed','abandoned','expired')`,
    ),
  ],
);

/** A disagreement between what the cart scanned, weighed and saw; staff resolve it. */
export const sessionExceptions = sqliteTable(
  'session_exceptions',
  {
    id: localId(),
    sessionId: integer('session_id')
      .notNull()
      .references(() => shoppingSessions.id),
    kind: text('kind').notNull(),
    /** JSON: barcode, expected and measured grams, recognised label… */
    detail: text('detail').notNull().default('{}'),
    status: text('status', { enum: ['open', 'resolved'] })
      .notNull()
      .default('open'),
    resolution: text('resolution'),
    resolvedBy: integer('resolved_by').references(() => users.id),
    createdAt: text('created_at').notNull(),
    resolvedAt: text('resolved_at'),
  },
  (t) => [index('session_exceptions_session_idx').on(t.sessionId, t.status)],
);
