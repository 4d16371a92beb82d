import { createRequire } from 'node:module';
import type { UsbBusLike } from './usb.transport.ts';

/**
 * The real bus: the `usb` package's WebUSB object, or null when the native module or the
 * kernel's USB support is missing (as on the development machines).
 */
export function openUsbBus(): UsbBusLike | null {
  try {
    const { WebUSB } = createRequire(import.meta.url)('usb') as {
      WebUSB: new (options: { allowAllDevices: boolean }) => UsbBusLike;
    };
    return new WebUSB({ allowAllDevices: true });
  } catch {
    return null;
  }
}
