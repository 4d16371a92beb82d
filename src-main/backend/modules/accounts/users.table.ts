import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, softDelete, timestamps } from '#main/backend/db/columns';

export const users = sqliteTable(
  'users',
  {
    id: localId(),
    uuid: text('uuid').notNull(),
    name: text('name').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    /** Stored lower-cased; unique among all accounts, deleted ones included. */
    email: text('email').notNull(),
    /** Stored in the national form 0xxxxxxxxx. */
    phone: text('phone'),
    avatarUrl: text('avatar_url'),
    passwordHash: text('password_hash').notNull(),
    role: text('role', { enum: ['customer', 'product_staff', 'order_staff', 'admin'] })
      .notNull()
      .default('customer'),
    status: text('status', { enum: ['ACTIVE', 'BANNED'] })
      .notNull()
      .default('ACTIVE'),
    /** Bumped to revoke every token issued before (password reset, ban). */
    tokenVersion: integer('token_version').notNull().default(0),
    ...timestamps,
    ...softDelete,
  },
  (t) => [
    uniqueIndex('users_uuid_unique').on(t.uuid),
    uniqueIndex('users_email_unique').on(t.email),
    uniqueIndex('users_phone_unique').on(t.phone),
    index('users_role_idx').on(t.role),
    check('users_role_check', sql`${t.role} in ('customer','product_staff','order_staff','admin')`),
    check('users_status_check', sql`${t.status} in ('ACTIVE','BANNED')`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type NewUserRow = typeof users.$inferInsert;
