import { connect } from 'node:net';
import { openSerialTransport } from '#main/backend/drivers/serial/serial.transport';
import { socketTransport } from '#main/backend/drivers/tcp/tcp-listener';
import type { ByteTransport } from '#main/backend/drivers/transport';

/** The simulator's end of a TCP link to the terminal's cart port. */
export function connectTcp(host: string, port: number): Promise<ByteTransport> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port }, () => {
      socket.off('error', reject);
      resolve(socketTransport(socket));
    });
    socket.once('error', reject);
  });
}

/** The simulator's end of a serial line (e.g. one side of a socat pseudo-terminal pair). */
export const openSerial = (path: string) => openSerialTransport(path);
