import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { SerialPort } from 'serialport';
import type { TransportAvailability } from '#main/backend/drivers/transport';

/** USB-serial chips used by Cartstation carts (vendor:product, lower-case hex). */
export const KNOWN_CART_ADAPTERS = ['303a:1001', '2e8a:000a', '10c4:ea60', '1a86:7523'];

const onPath = (program: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, program)));

/**
 * Serial ports that look like carts. On Linux serialport lists ports through `udevadm`, and a
 * missing udevadm crashes the process from a child-process error it doesn't catch; so without
 * it, auto-detection is reported unavailable (configured paths still work).
 */
export async function discoverSerialCarts(): Promise<TransportAvailability & { ports: string[] }> {
  if (process.platform === 'linux' && !onPath('udevadm')) {
    return {
      available: false,
      detail: 'auto-detection needs udevadm; configured paths still open',
      ports: [],
    };
  }
  try {
    const ports = await SerialPort.list();
    const carts = ports.filter((p) =>
      KNOWN_CART_ADAPTERS.includes(`${p.vendorId ?? ''}:${p.productId ?? ''}`.toLowerCase()),
    );
    return {
      available: true,
      detail: `${ports.length} serial ports, ${carts.length} carts`,
      ports: carts.map((p) => p.path),
    };
  } catch (err) {
    return {
      available: false,
      detail: `listing serial ports failed: ${(err as Error).message}`,
      ports: [],
    };
  }
}
