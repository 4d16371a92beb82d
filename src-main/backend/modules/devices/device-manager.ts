import type { Server } from 'node:net';
import { openSerialTransport } from '#main/backend/drivers/serial/serial.transport';
import { discoverSerialCarts } from '#main/backend/drivers/serial/serial-discovery';
import { listenForTcpCarts } from '#main/backend/drivers/tcp/tcp-listener';
import type { ByteTransport, TransportAvailability } from '#main/backend/drivers/transport';
import {
  openUsbTransport,
  usbAvailability,
  type UsbBusLike,
} from '#main/backend/drivers/usb/usb.transport';
import type { Clock } from '#main/backend/lib/clock';
import type { Logger } from '#main/backend/lib/logger';
import type { CartEvents } from './cart-events.ts';
import { createCartConnection, type CartConnection, type OutboundType } from './cart-connection.ts';
import type { DevicesRepo } from './devices.repo.ts';

export interface DeviceManagerOptions {
  host: string;
  tcpPort: number | null;
  serialPorts: string[];
  usbBus: UsbBusLike | null;
  heartbeatMs?: number;
  deadAfterMs?: number;
}

const BACKOFF_MS = [500, 1000, 2000, 5000, 10_000, 30_000];

/**
 * Owns every cart link: accepts TCP carts, keeps configured serial lines open (reopening with
 * backoff after a cable is pulled), opens USB carts as they are plugged in, and routes
 * terminal→cart messages to whichever connection a cart currently has.
 */
export function createDeviceManager(
  options: DeviceManagerOptions,
  deps: { devices: DevicesRepo; events: CartEvents; clock: Clock; logger: Logger },
) {
  const log = deps.logger.child({ part: 'device-manager' });
  const online = new Map<number, CartConnection>();
  const pending = new Set<CartConnection>();
  const timers = new Set<NodeJS.Timeout>();
  let tcpServer: Server | null = null;
  let stopped = false;
  let usb: TransportAvailability = { available: false, detail: 'not started' };

  function attach(transport: ByteTransport): CartConnection {
    const connection = createCartConnection(transport, {
      devices: deps.devices,
      events: deps.events,
      clock: deps.clock,
      logger: deps.logger,
      heartbeatMs: options.heartbeatMs,
      deadAfterMs: options.deadAfterMs,
      onIdentified(device, conn) {
        pending.delete(conn);
        // A cart that reconnects (new cable, new socket) replaces its old link.
        const previous = online.get(device.id);
        if (previous && previous !== conn) previous.close();
        online.set(device.id, conn);
        log.info({ cart: device.cartCode, transport: transport.kind }, 'cart online');
      },
      onGone(device, conn) {
        pending.delete(conn);
        if (device && online.get(device.id) === conn) online.delete(device.id);
      },
    });
    pending.add(connection);
    return connection;
  }

  function later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      timers.delete(t);
      if (!stopped) fn();
    }, ms);
    timers.add(t);
  }

  function keepSerialOpen(path: string, attempt = 0): void {
    openSerialTransport(path).then(
      (transport) => {
        log.info({ path }, 'serial line open');
        transport.onClose(() => later(() => keepSerialOpen(path, 0), BACKOFF_MS[0]!));
        attach(transport);
      },
      (err: Error) => {
        const wait = BACKOFF_MS[Math.min(attempt, BACKOFF_MS.length - 1)]!;
        if (attempt === 0)
          log.warn({ path, err: err.message }, 'serial line unavailable; retrying');
        later(() => keepSerialOpen(path, attempt + 1), wait);
      },
    );
  }

  return {
    async start(): Promise<void> {
      if (options.tcpPort !== null) {
        tcpServer = await listenForTcpCarts(options.host, options.tcpPort, (t) => attach(t));
      }
      for (const path of options.serialPorts) keepSerialOpen(path);
      usb = await usbAvailability(options.usbBus);
      if (usb.available && options.usbBus) {
        options.usbBus.addEventListener('connect', ({ device }) => {
          openUsbTransport(device).then(attach, (err: Error) =>
            log.warn({ err: err.message }, 'USB cart could not be opened'),
          );
        });
      } else {
        log.info({ detail: usb.detail }, 'USB carts unavailable');
      }
    },

    /** Terminal → cart; silently dropped while the cart is offline (it resyncs on reconnect). */
    send(deviceId: number, type: OutboundType, payload: object): void {
      online.get(deviceId)?.send(type, payload);
    },

    linkOf(deviceId: number) {
      const c = online.get(deviceId);
      return c
        ? {
            online: true,
            transport: c.transport.kind,
            address: c.transport.address,
            since: c.since,
          }
        : { online: false, transport: null, address: null, since: null };
    },

    disconnect(deviceId: number): void {
      online.get(deviceId)?.close();
    },

    tcpAddress(): { host: string; port: number } | null {
      const a = tcpServer?.address();
      return a && typeof a === 'object' ? { host: a.address, port: a.port } : null;
    },

    async transports() {
      const serial = await discoverSerialCarts();
      return {
        serial: {
          ...serial,
          ports: [...new Set([...options.serialPorts, ...serial.ports])],
        },
        usb,
        tcp: tcpServer
          ? { available: true, detail: `listening on ${options.host}:${this.tcpAddress()?.port}` }
          : { available: false, detail: 'off (set CARTSTATION_CART_TCP_PORT)' },
      };
    },

    async stop(): Promise<void> {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      for (const c of [...online.values(), ...pending]) c.close();
      await new Promise<void>((done) => (tcpServer ? tcpServer.close(() => done()) : done()));
    },
  };
}

export type DeviceManager = ReturnType<typeof createDeviceManager>;
