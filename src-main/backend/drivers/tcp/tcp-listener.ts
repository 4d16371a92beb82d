import { createServer, type Server, type Socket } from 'node:net';
import type { ByteTransport } from '#main/backend/drivers/transport';

function socketTransport(socket: Socket): ByteTransport {
  socket.setNoDelay(true);
  const closeListeners: ((reason: string) => void)[] = [];
  let closed = false;
  const finish = (reason: string) => {
    if (closed) return;
    closed = true;
    for (const l of closeListeners) l(reason);
  };
  socket.on('close', () => finish('closed'));
  socket.on('error', (e) => finish(e.message));
  return {
    kind: 'tcp',
    address: `${socket.remoteAddress}:${socket.remotePort}`,
    write: (bytes) => {
      if (!closed) socket.write(bytes);
    },
    onData: (listener) => socket.on('data', (chunk) => listener(chunk)),
    onClose: (listener) => closeListeners.push(listener),
    close: () =>
      new Promise<void>((done) => {
        socket.end(() => done());
        socket.destroySoon();
      }),
  };
}

/**
 * Carts on the store network (Wi-Fi carts, the simulator, benchmarks) connect over TCP; each
 * connection is one transport, speaking the same framed protocol as a serial line.
 */
export function listenForTcpCarts(
  host: string,
  port: number,
  onTransport: (t: ByteTransport) => void,
): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer((socket) => onTransport(socketTransport(socket)));
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

export { socketTransport };
