import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { localId, timestamps } from '#main/backend/db/columns';
import { users } from '#main/backend/modules/accounts/users.table';

/** A customer's delivery addresses; exactly one is the default once there is any. */
export const addresses = sqliteTable(
  'addresses',
  {
    id: localId(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    addressLine1: text('address_line1').notNull(),
    city: text('city').notNull(),
    postalCode: text('postal_code'),
    phoneNumber: text('phone_number').notNull(),
    isDefault: integer('is_default', { mode: 'boolean' }).notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('addresses_user_idx').on(t.userId),
    // At most one default per customer, whatever the code above it does.
    uniqueIndex('addresses_one_default')
      .on(t.userId)
      .where(sql`${t.isDefault} = 1`),
  ],
);
