/**
 * A byte stream to one cart: a serial line, a USB bulk endpoint pair, or a TCP socket. The
 * cart protocol (drivers/cart-link) runs on top and never knows which.
 */
export interface ByteTransport {
  kind: 'serial' | 'usb' | 'tcp';
  /** Where the cart is: a device path, a USB bus address, a remote address. */
  address: string;
  write(bytes: Uint8Array): void;
  onData(listener: (chunk: Uint8Array) => void): void;
  /** Called once when the stream ends, for any reason (unplugged, closed, error). */
  onClose(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

/** Whether a kind of transport can work on this machine, and why not. */
export interface TransportAvailability {
  available: boolean;
  detail: string;
}
