import type { AuthGuard } from '#main/backend/http/auth-guard';
import type { UsbBusLike } from '#main/backend/drivers/usb/usb.transport';
import { createCartsRepo } from '#main/backend/modules/carts/carts.repo';
import type { CartEvents } from '#main/backend/modules/devices/cart-events';
import { createDeviceManager } from '#main/backend/modules/devices/device-manager';
import { createDevicesRepo } from '#main/backend/modules/devices/devices.repo';
import { devicesRoutes } from '#main/backend/modules/devices/devices.routes';
import { createDevicesService } from '#main/backend/modules/devices/devices.service';
import type { ModuleDeps } from '#main/backend/modules/module-deps';
import { createLiveHub } from './live-hub.ts';
import { liveRoutes } from './live.routes.ts';
import { sessionsRoutes } from './sessions.routes.ts';
import { createSessionsRepo } from './sessions.repo.ts';
import { createSessionsService } from './sessions.service.ts';
import { createVariantLookup } from './variant-lookup.ts';

const SWEEP_EVERY_MS = 1000;

/**
 * Smart carts: the device registry and manager (links over TCP, serial and USB), shopping
 * sessions bound by QR, the cart checks, and live updates to phones and the console.
 */
export async function registerSmartCarts(
  deps: ModuleDeps & { guard: AuthGuard; usbBus: UsbBusLike | null },
) {
  const { app, config, db, clock, ids, logger, audit, guard } = deps;
  const devicesRepo = createDevicesRepo(db);
  const devices = createDevicesService({ repo: devicesRepo, audit, clock, ids });
  const live = createLiveHub();

  // The manager and the sessions service call each other (cart events in, commands out):
  // events are forwarded once both exist.
  const events: CartEvents = {
    identified: (id, firmware) => {
      devices.seen(id, firmware);
      sessions.resync(id);
    },
    scanned: (id, barcode) => sessions.scanned(id, barcode),
    removed: (id, barcode) => sessions.removedAtCart(id, barcode),
    weighed: (id, grams) => sessions.weighed(id, grams),
    recognised: (id, labels) => sessions.recognised(id, labels),
    button: (id, button) => sessions.buttonPressed(id, button),
  };
  const manager = createDeviceManager(
    {
      host: config.host,
      tcpPort: config.carts.tcpPort,
      serialPorts: config.carts.serialPorts,
      usbBus: deps.usbBus,
    },
    { devices: devicesRepo, events, clock, logger },
  );
  const sessions = createSessionsService({
    repo: createSessionsRepo(db),
    carts: createCartsRepo(db),
    devices,
    variants: createVariantLookup(db),
    live,
    commands: manager,
    verifier: {
      toleranceGrams: config.carts.toleranceGrams,
      tolerancePercent: config.carts.tolerancePercent,
      placeWithinMs: config.carts.placeWithinMs,
      minConfidence: 0.6,
    },
    idleTimeoutMs: config.carts.idleTimeoutMs,
    clock,
    ids,
    logger,
  });

  await app.register(devicesRoutes, { devices, manager, sessions, guard });
  await app.register(sessionsRoutes, { sessions, guard });
  await app.register(liveRoutes, { sessions, live, guard });

  let sweeper: NodeJS.Timeout | null = null;
  app.addHook('onReady', async () => {
    await manager.start();
    sweeper = setInterval(() => sessions.sweep(), SWEEP_EVERY_MS);
    sweeper.unref();
  });
  app.addHook('onClose', async () => {
    if (sweeper) clearInterval(sweeper);
    await manager.stop();
  });
  return { sessions, devices, manager, live };
}
