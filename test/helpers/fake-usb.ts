import type { ByteTransport } from '#main/backend/drivers/transport';
import type { UsbBusLike, UsbDeviceLike } from '#main/backend/drivers/usb/usb.transport';

/**
 * Test doubles of the WebUSB interfaces the USB driver uses (UsbDeviceLike, UsbBusLike). They
 * exist only because the machines that run these tests have no USB bus at all (no
 * /sys/bus/usb): everything above them — openUsbTransport, the device manager, the link, the
 * handshake, sessions — is the real code. Use them for nothing else.
 *
 * A fake device is a cart on a cable: what the cart side (a sim cart's transport) writes comes
 * out of the terminal's transferIn calls, in packets of at most the requested length, and what
 * the terminal passes to transferOut arrives at the cart. Like libusb, transfers complete on a
 * later turn of the event loop, never synchronously.
 */
export const FAKE_USB_IDS = { vendorId: 0x1209, productId: 0xc001 };

export interface FakeUsbCart {
  device: UsbDeviceLike;
  /** The cart's end of the cable: give it to createSimCart. */
  cartSide: ByteTransport;
  /** Pulls the cable: pending and later transfers fail, the cart side closes. */
  unplug(): void;
  readonly opened: boolean;
}

export function createFakeUsbCart(serialNumber: string): FakeUsbCart {
  const toHost: Uint8Array[] = [];
  let waiting: {
    length: number;
    resolve: (r: { status: string; data: DataView }) => void;
    reject: (err: Error) => void;
  } | null = null;
  let unplugged = false;
  let opened = false;
  const cartListeners: ((chunk: Uint8Array) => void)[] = [];
  const cartCloseListeners: ((reason: string) => void)[] = [];
  const gone = () => new Error('LIBUSB_ERROR_NO_DEVICE');

  // Hands the oldest waiting bytes to a pending transferIn, at most `length` of them.
  function pump(): void {
    if (!waiting || toHost.length === 0) return;
    const { length, resolve } = waiting;
    waiting = null;
    const packet = new Uint8Array(length);
    let filled = 0;
    while (filled < length && toHost.length > 0) {
      const head = toHost[0]!;
      const take = Math.min(head.length, length - filled);
      packet.set(head.subarray(0, take), filled);
      filled += take;
      if (take === head.length) toHost.shift();
      else toHost[0] = head.subarray(take);
    }
    setImmediate(() => resolve({ status: 'ok', data: new DataView(packet.buffer, 0, filled) }));
  }

  function unplug(): void {
    if (unplugged) return;
    unplugged = true;
    opened = false;
    const pending = waiting;
    waiting = null;
    if (pending) setImmediate(() => pending.reject(gone()));
    for (const l of cartCloseListeners) l('unplugged');
  }

  const device: UsbDeviceLike = {
    ...FAKE_USB_IDS,
    serialNumber,
    open: async () => {
      if (unplugged) throw gone();
      opened = true;
    },
    close: async () => {
      opened = false;
    },
    selectConfiguration: async () => undefined,
    claimInterface: async () => undefined,
    transferIn(_endpoint, length) {
      if (unplugged) return Promise.reject(gone());
      if (waiting) return Promise.reject(new Error('a transferIn is already pending'));
      return new Promise((resolve, reject) => {
        waiting = { length, resolve, reject };
        pump();
      });
    },
    transferOut(_endpoint, data) {
      if (unplugged) return Promise.reject(gone());
      const copy = data.slice();
      return new Promise((resolve) =>
        setImmediate(() => {
          if (!unplugged) for (const l of cartListeners) l(copy);
          resolve({ status: 'ok' });
        }),
      );
    },
  };

  const cartSide: ByteTransport = {
    kind: 'usb',
    address: `cart-side:${serialNumber}`,
    write(bytes) {
      if (unplugged) return;
      toHost.push(bytes.slice());
      pump();
    },
    onData: (l) => cartListeners.push(l),
    onClose: (l) => cartCloseListeners.push(l),
    // A cart that shuts its USB function down looks, to the host, like an unplugged one.
    close: async () => unplug(),
  };

  return {
    device,
    cartSide,
    unplug,
    get opened() {
      return opened;
    },
  };
}

/** A USB bus that only ever holds the fake carts a test plugs in. */
export function createFakeUsbBus() {
  const devices = new Set<UsbDeviceLike>();
  const listeners = {
    connect: [] as ((event: { device: UsbDeviceLike }) => void)[],
    disconnect: [] as ((event: { device: UsbDeviceLike }) => void)[],
  };
  const bus: UsbBusLike = {
    getDevices: async () => [...devices],
    addEventListener: (type, listener) => listeners[type].push(listener),
  };
  return {
    bus,
    listenerCount: (type: 'connect' | 'disconnect') => listeners[type].length,
    plug(cart: FakeUsbCart): void {
      devices.add(cart.device);
      for (const l of listeners.connect) l({ device: cart.device });
    },
    unplug(cart: FakeUsbCart): void {
      devices.delete(cart.device);
      cart.unplug();
      for (const l of listeners.disconnect) l({ device: cart.device });
    },
  };
}
