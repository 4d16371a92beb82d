import { SerialPort } from 'serialport';
import type { ByteTransport } from '#main/backend/drivers/transport';

/** Opens a serial line (USB-CDC, RS-232 or a pseudo-terminal) as a cart transport. */
export function openSerialTransport(path: string, baudRate = 115_200): Promise<ByteTransport> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.open((err) => {
      if (err) return reject(err);
      let closed = false;
      const closeListeners: ((reason: string) => void)[] = [];
      const finish = (reason: string) => {
        if (closed) return;
        closed = true;
        for (const l of closeListeners) l(reason);
      };
      port.on('close', () => finish('closed'));
      // A yanked USB-serial adapter surfaces as an error, then (maybe) a close.
      port.on('error', (e: Error) => finish(e.message));
      resolve({
        kind: 'serial',
        address: path,
        write: (bytes) => {
          if (!closed) port.write(Buffer.from(bytes));
        },
        onData: (listener) => port.on('data', (chunk: Buffer) => listener(chunk)),
        onClose: (listener) => closeListeners.push(listener),
        close: () =>
          new Promise<void>((done) => {
            if (!port.isOpen) return done();
            port.close(() => done());
          }),
      });
    });
  });
}
