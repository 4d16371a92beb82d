import { integer, text } from 'drizzle-orm/sqlite-core';

/** ISO 8601 UTC timestamps, as the API returns them; set by services from the injected clock. */
export const timestamps = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
};

export const softDelete = {
  deletedAt: text('deleted_at'),
};

export const localId = () => integer('id').primaryKey({ autoIncrement: true });
