import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { openDatabase, type AppDb } from './db/client.ts';
import { migrateDatabase, type MigrationStatus } from './db/migrate.ts';
import { loadOrCreateSecret } from './modules/accounts/tokens.ts';

export interface Store {
  db: AppDb;
  secret: Uint8Array;
  migrations: MigrationStatus;
  file: string;
  close(): void;
}

/**
 * Opens the store's data directory: creates it, opens `cartstation.db`, applies pending
 * migrations, and loads (or creates) the token-signing secret.
 */
export function openStore(config: Pick<Config, 'dataDir'>, migrationsFolder: string): Store {
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = join(config.dataDir, 'cartstation.db');
  const db = openDatabase(file);
  try {
    const migrations = migrateDatabase(db, migrationsFolder);
    const secret = loadOrCreateSecret(config.dataDir);
    return { db, secret, migrations, file, close: () => db.$client.close() };
  } catch (err) {
    db.$client.close();
    throw err;
  }
}
