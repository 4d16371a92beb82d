import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { foldVietnamese } from '#shared/text/fold';
import * as schema from './schema.ts';

export type AppDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens the store's SQLite file. WAL lets readers run while a writer commits; NORMAL sync is
 * durable across application crashes (only an OS crash can lose the last commits, never
 * corrupt the file); busy_timeout covers a second process such as a backup.
 */
export function openDatabase(file: string): AppDb {
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // Vietnamese folding for ORDER BY (and anything else that must ignore tones).
  sqlite.function('cs_fold', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? foldVietnamese(text) : text,
  );
  // SQLite's lower() and NOCASE only know A–Z; Vietnamese needs Unicode case folding.
  sqlite.function('cs_lower', { deterministic: true }, (text: unknown) =>
    typeof text === 'string' ? text.toLowerCase() : text,
  );
  return drizzle({ client: sqlite, schema }) as AppDb;
}
