import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { AppDb } from './client.ts';

export interface MigrationStatus {
  applied: number;
  expected: number;
  current: boolean;
}

export class DatabaseTooNewError extends Error {
  constructor(applied: number, known: number) {
    super(
      `The database has ${applied} migrations but this version of Cartstation knows ${known}: ` +
        'it was written by a newer version. Install that version (or newer) to open it.',
    );
  }
}

/** Migration timestamps recorded in the database, oldest first. */
function appliedMillis(db: AppDb): number[] {
  const exists = db.$client
    .prepare(`select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'`)
    .get();
  if (!exists) return [];
  const rows = db.$client
    .prepare('select created_at as at from __drizzle_migrations order by created_at')
    .all() as { at: number }[];
  return rows.map((r) => Number(r.at));
}

/** Number of migrations this version ships (reads and hashes the files: call once). */
export const knownMigrationCount = (migrationsFolder: string) =>
  readMigrationFiles({ migrationsFolder }).length;

export function migrationStatus(db: AppDb, expected: number): MigrationStatus {
  const applied = (
    db.$client.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }
  ).n;
  return { applied, expected, current: applied === expected };
}

/**
 * Brings the database up to this version's schema. A database that has migrations this
 * version does not know was written by a newer release; opening it could corrupt data it
 * does not understand, so it is refused before anything runs.
 */
export function migrateDatabase(db: AppDb, migrationsFolder: string): MigrationStatus {
  const known = readMigrationFiles({ migrationsFolder });
  const knownMillis = new Set(known.map((m) => m.folderMillis));
  const applied = appliedMillis(db);
  if (applied.length > known.length || applied.some((at) => !knownMillis.has(at))) {
    throw new DatabaseTooNewError(applied.length, known.length);
  }
  migrate(db, { migrationsFolder });
  return migrationStatus(db, known.length);
}
