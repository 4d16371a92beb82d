import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRoot } from '#main/backend/lib/paths';
import { hashPassword } from '#main/backend/modules/accounts/passwords';
import { startTestServer } from '#test/helpers/test-server';
import { openDatabase } from './client.ts';
import { DatabaseTooNewError, migrateDatabase } from './migrate.ts';

const MIGRATIONS = join(appRoot(), 'drizzle');
const temps: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of drizzle/ that knows only the first `count` migrations: an older release. */
function olderMigrations(count: number): string {
  const dir = temp('cartstation-migrations-');
  cpSync(MIGRATIONS, dir, { recursive: true });
  const journalFile = join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

function schemaDump(file: string): string {
  const db = openDatabase(file);
  const rows = db.$client
    .prepare(
      `select type, name, sql from sqlite_master
       where name not like 'sqlite_%' and name != '__drizzle_migrations' order by type, name`,
    )
    .all() as { type: string; name: string; sql: string | null }[];
  db.$client.close();
  return rows.map((r) => `-- ${r.type} ${r.name}\n${r.sql ?? ''};\n`).join('\n');
}

describe('migrations', () => {
  it('keeps data written under the first migration set when the current code starts', async () => {
    const dataDir = temp('cartstation-store-');
    const first = openDatabase(join(dataDir, 'cartstation.db'));
    const status = migrateDatabase(first, olderMigrations(1));
    expect(status.applied).toBe(1);
    const hash = await hashPassword('old-release-pw');
    first.$client
      .prepare(
        `insert into users (uuid, name, email, phone, password_hash, role, created_at, updated_at)
         values ('01900000-0000-7000-8000-00000000abcd', 'Người dùng cũ', 'old@store.test',
                 '0987654321', ?, 'order_staff', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')`,
      )
      .run(hash);
    first.$client.close();

    const server = await startTestServer({ dataDir });
    try {
      const health = await server.request('GET', '/health');
      expect(health.body.migrations).toMatchObject({ current: true });
      expect(health.body.migrations.applied).toBeGreaterThan(1);
      const token = await server.login('0987654321', 'old-release-pw');
      const me = await server.request('GET', '/users/me', { token });
      expect(me.body).toMatchObject({
        id: '01900000-0000-7000-8000-00000000abcd',
        name: 'Người dùng cũ',
        email: 'old@store.test',
        role: 'order_staff',
        created_at: '2025-01-01T00:00:00.000Z',
      });
    } finally {
      await server.stop();
    }
  });

  it('builds the schema recorded in the committed snapshot', async () => {
    const file = join(temp('cartstation-schema-'), 'cartstation.db');
    const db = openDatabase(file);
    migrateDatabase(db, MIGRATIONS);
    db.$client.close();
    await expect(schemaDump(file)).toMatchFileSnapshot('../../../test/fixtures/schema.sql');
  });

  it('refuses a database written by a newer version, before changing anything', async () => {
    const dataDir = temp('cartstation-newer-');
    const db = openDatabase(join(dataDir, 'cartstation.db'));
    migrateDatabase(db, MIGRATIONS);
    db.$client
      .prepare(`insert into __drizzle_migrations (hash, created_at) values ('future', ?)`)
      .run(Date.UTC(2099, 0, 1));
    expect(() => migrateDatabase(db, MIGRATIONS)).toThrow(DatabaseTooNewError);
    db.$client.close();
    await expect(startTestServer({ dataDir })).rejects.toThrow(/newer version/);
  });

  it('opens SQLite in WAL mode with foreign keys enforced', () => {
    const db = openDatabase(join(temp('cartstation-pragmas-'), 'x.db'));
    expect(db.$client.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.$client.pragma('foreign_keys', { simple: true })).toBe(1);
    db.$client.close();
  });
});
