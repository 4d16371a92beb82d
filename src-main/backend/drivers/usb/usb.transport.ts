import type { ByteTransport, TransportAvailability } from '#main/backend/drivers/transport';

/** The part of the WebUSB `USBDevice` interface the cart transport uses. */
export interface UsbDeviceLike {
  vendorId: number;
  productId: number;
  serialNumber?: string | null;
  open(): Promise<void>;
  close(): Promise<void>;
  selectConfiguration(value: number): Promise<void>;
  claimInterface(number: number): Promise<void>;
  transferIn(endpoint: number, length: number): Promise<{ status?: string; data?: DataView }>;
  transferOut(endpoint: number, data: Uint8Array): Promise<{ status?: string }>;
}

/** The part of the WebUSB `USB` object (the `usb` package's WebUSB) used for discovery. */
export interface UsbBusLike {
  getDevices(): Promise<UsbDeviceLike[]>;
  addEventListener(
    type: 'connect' | 'disconnect',
    listener: (event: { device: UsbDeviceLike }) => void,
  ): void;
}

export interface UsbEndpoints {
  configuration: number;
  interfaceNumber: number;
  inEndpoint: number;
  outEndpoint: number;
  packetSize: number;
}

/** Cartstation carts expose one vendor-specific interface with a bulk IN/OUT pair. */
export const CART_USB_ENDPOINTS: UsbEndpoints = {
  configuration: 1,
  interfaceNumber: 0,
  inEndpoint: 1,
  outEndpoint: 1,
  packetSize: 64,
};

export const usbAddress = (d: UsbDeviceLike) =>
  `usb:${d.vendorId.toString(16).padStart(4, '0')}:${d.productId.toString(16).padStart(4, '0')}:${d.serialNumber ?? '?'}`;

/**
 * Opens a cart's bulk endpoints as a byte stream. A read loop keeps one transferIn pending;
 * any failure (the cart unplugged mid-transfer) closes the transport once.
 */
export async function openUsbTransport(
  device: UsbDeviceLike,
  endpoints: UsbEndpoints = CART_USB_ENDPOINTS,
): Promise<ByteTransport> {
  await device.open();
  await device.selectConfiguration(endpoints.configuration);
  await device.claimInterface(endpoints.interfaceNumber);
  const dataListeners: ((chunk: Uint8Array) => void)[] = [];
  const closeListeners: ((reason: string) => void)[] = [];
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(reason);
    device.close().catch(() => undefined);
  };
  // Writes are chained so bytes leave in order even though each transfer is async.
  let writes = Promise.resolve();

  // The read loop starts with the first data listener, so no early bytes are read and dropped.
  let reading = false;
  const readLoop = async () => {
    while (!closed) {
      try {
        const result = await device.transferIn(endpoints.inEndpoint, endpoints.packetSize);
        if (result.status && result.status !== 'ok') throw new Error(`transferIn ${result.status}`);
        if (result.data && result.data.byteLength > 0) {
          const chunk = new Uint8Array(
            result.data.buffer,
            result.data.byteOffset,
            result.data.byteLength,
          );
          for (const l of dataListeners) l(chunk.slice());
        }
      } catch (err) {
        finish((err as Error).message);
      }
    }
  };

  return {
    kind: 'usb',
    address: usbAddress(device),
    write(bytes) {
      if (closed) return;
      writes = writes
        .then(() => device.transferOut(endpoints.outEndpoint, bytes))
        .then((r) => {
          if (r.status && r.status !== 'ok') finish(`transferOut ${r.status}`);
        })
        .catch((err: Error) => finish(err.message));
    },
    onData: (l) => {
      dataListeners.push(l);
      if (!reading) {
        reading = true;
        void readLoop();
      }
    },
    onClose: (l) => closeListeners.push(l),
    close: async () => finish('closed'),
  };
}

/** Whether USB works here; "no USB subsystem" is a state to report, not a crash. */
export async function usbAvailability(bus: UsbBusLike | null): Promise<TransportAvailability> {
  if (!bus)
    return { available: false, detail: 'no USB subsystem (the usb module could not start)' };
  try {
    const devices = await bus.getDevices();
    return { available: true, detail: `${devices.length} USB devices` };
  } catch (err) {
    return { available: false, detail: `no USB subsystem: ${(err as Error).message}` };
  }
}
