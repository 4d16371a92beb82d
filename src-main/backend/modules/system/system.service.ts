import type { AppDb } from '#main/backend/db/client';
import { knownMigrationCount, migrationStatus } from '#main/backend/db/migrate';
import type { Clock } from '#main/backend/lib/clock';
import type { AccountsService } from '#main/backend/modules/accounts/accounts.service';
import type { CatalogRepo } from '#main/backend/modules/catalog/catalog.repo';
import type { Health, StoreStatus } from '#shared/contracts/system';

interface Deps {
  db: AppDb;
  clock: Clock;
  version: string;
  migrationsFolder: string;
  accounts: AccountsService;
  catalog: CatalogRepo;
}

export function createSystemService(deps: Deps) {
  const startedAt = deps.clock.now();
  const expectedMigrations = knownMigrationCount(deps.migrationsFolder);
  const uptime = () => (deps.clock.now().getTime() - startedAt.getTime()) / 1000;

  function health(): Health {
    let reachable = true;
    let migrations = { applied: 0, expected: 0, current: false };
    try {
      deps.db.$client.prepare('select 1').get();
      migrations = migrationStatus(deps.db, expectedMigrations);
    } catch {
      reachable = false;
    }
    return {
      status: reachable && migrations.current ? 'ok' : 'degraded',
      version: deps.version,
      uptime_seconds: uptime(),
      database: { reachable },
      migrations,
    };
  }

  function status(): StoreStatus {
    const users = deps.accounts.counts();
    const pageCount = deps.db.$client.pragma('page_count', { simple: true }) as number;
    const pageSize = deps.db.$client.pragma('page_size', { simple: true }) as number;
    return {
      version: deps.version,
      started_at: startedAt.toISOString(),
      uptime_seconds: uptime(),
      health: health(),
      counts: { ...deps.catalog.counts(), users: users.all, staff: users.staff },
      database_bytes: pageCount * pageSize,
    };
  }

  return { health, status };
}

export type SystemService = ReturnType<typeof createSystemService>;
