import type { Config } from '#main/backend/config';
import type { AppDb } from '#main/backend/db/client';
import type { App } from '#main/backend/http/app-type';
import type { Clock } from '#main/backend/lib/clock';
import type { IdGenerator } from '#main/backend/lib/ids';
import type { Logger } from '#main/backend/lib/logger';
import type { AuditRepo } from '#main/backend/modules/audit/audit.repo';

/** What every module's register function receives from the composition root. */
export interface ModuleDeps {
  app: App;
  config: Config;
  db: AppDb;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  audit: AuditRepo;
}
