import { join } from 'node:path';
import type { Config } from './config.ts';
import { buildApp } from './http/build-app.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { uuidV7Ids, type IdGenerator } from './lib/ids.ts';
import { createLogger, type Logger } from './lib/logger.ts';
import { appRoot } from './lib/paths.ts';
import { readAppVersion } from './lib/version.ts';
import { createCatalogRepo } from './modules/catalog/catalog.repo.ts';
import { createSearchIndex } from './modules/catalog/search-index.ts';
import { seedDemoCatalog } from './modules/demo/demo-seed.ts';
import { openStore } from './store.ts';
import { openUsbBus } from './drivers/usb/usb-bus.ts';
import type { UsbBusLike } from './drivers/usb/usb.transport.ts';

export interface BackendDeps {
  config: Config;
  clock?: Clock;
  ids?: IdGenerator;
  logger?: Logger;
  /** Where the built console lives; defaults to dist/renderer under the app root. */
  consoleDir?: string;
  /** The USB bus; defaults to the real one (null when the machine has none). */
  usbBus?: UsbBusLike | null;
}

export interface ListenOptions {
  host: string;
  port: number;
}

/**
 * The composition root: opens the store, seeds an empty one, builds the LAN API. Both hosts
 * (Electron's utility process and plain Node) call this and nothing else.
 */
export async function createBackend(deps: BackendDeps) {
  const { config } = deps;
  const clock = deps.clock ?? systemClock;
  const ids = deps.ids ?? uuidV7Ids;
  const logger = deps.logger ?? createLogger(config.logLevel);
  const root = appRoot();
  const paths = {
    migrations: join(root, 'drizzle'),
    resources: join(root, 'resources'),
    console: deps.consoleDir ?? join(root, 'dist', 'renderer'),
  };

  const store = openStore(config, paths.migrations);
  try {
    if (config.demo && createCatalogRepo(store.db).isEmpty()) {
      const seeded = seedDemoCatalog(store.db, paths.resources, clock, ids);
      logger.info(seeded, 'seeded the demo catalog into an empty store');
    }
    if (createSearchIndex(store.db, clock).ensureComplete()) {
      logger.info('rebuilt the product search index');
    }
    const version = readAppVersion();
    const { app, services, schemasCompiled } = await buildApp({
      config,
      db: store.db,
      clock,
      ids,
      logger,
      secret: store.secret,
      version,
      paths,
      usbBus: deps.usbBus === undefined ? openUsbBus() : deps.usbBus,
    });
    await services.accounts.ensureBootstrapAdmin(config.admin);

    let closed = false;
    return {
      app,
      store,
      version,
      services,
      schemasCompiled,
      async start(options: ListenOptions = config): Promise<string> {
        return app.listen({ host: options.host, port: options.port });
      },
      /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
      async stop(): Promise<void> {
        if (closed) return;
        closed = true;
        await app.close();
        store.close();
      },
    };
  } catch (err) {
    store.close();
    throw err;
  }
}

export type Backend = Awaited<ReturnType<typeof createBackend>>;
