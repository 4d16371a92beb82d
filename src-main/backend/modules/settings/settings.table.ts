import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Store settings by name, each a JSON document (e.g. `rental`). */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: integer('updated_by'),
});
