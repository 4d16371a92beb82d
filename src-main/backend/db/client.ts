import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
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
  return drizzle({ client: sqlite, schema }) as AppDb;
}
