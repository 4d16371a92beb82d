import type { AppDb } from '#main/backend/db/client';

export function createSettingsRepo(db: AppDb) {
  const sqlite = db.$client;
  const read = sqlite.prepare('select value from settings where key = ?').pluck();
  const write = sqlite.prepare(`
    insert into settings (key, value, updated_at, updated_by) values (?, ?, ?, ?)
    on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at,
      updated_by = excluded.updated_by`);
  return {
    get<T>(key: string, fallback: T): T {
      const raw = read.get(key) as string | undefined;
      return raw ? (JSON.parse(raw) as T) : fallback;
    },
    set(key: string, value: unknown, at: string, by: number | null): void {
      write.run(key, JSON.stringify(value), at, by);
    },
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;
