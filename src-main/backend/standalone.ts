import { networkInterfaces } from 'node:os';
import { ConfigError, loadConfig } from './config.ts';
import { createBackend } from './index.ts';
import { DatabaseTooNewError } from './db/migrate.ts';

/** A URL a phone on the LAN can open, when the server listens on every interface. */
function lanUrl(port: number): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      if (a.family === 'IPv4' && !a.internal) return `http://${a.address}:${port}/`;
    }
  }
  return null;
}

/**
 * Headless entry: `npm start` without Electron, Electron's utility process, and servers.
 * Prints one line with the console's URL, and stops cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  let backend;
  try {
    backend = await createBackend({ config });
  } catch (err) {
    if (err instanceof DatabaseTooNewError) {
      console.error(err.message);
      process.exit(3);
    }
    throw err;
  }
  await backend.start();
  if (config.demoCarts > 0) {
    // Imported lazily: only demo stores carry simulated carts.
    const { startDemoCarts } = await import('#main/cart-sim/demo-carts');
    const carts = await startDemoCarts(backend, config.demoCarts);
    backend.app.log.info({ carts: carts.length }, 'demo carts connected');
  }
  const address = backend.app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const local = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/`;
  const lan = config.host === '0.0.0.0' ? lanUrl(port) : null;
  const phones = lan ? ` (phones on the LAN: ${lan})` : '';
  if (process.parentPort) {
    // Inside Electron's utility process: the shell loads the window when it hears this.
    process.parentPort.postMessage({ type: 'ready', url: local });
    console.log(`Cartstation ${backend.version} backend listening at ${local}${phones}`);
  } else {
    console.log(
      `Cartstation ${backend.version} is running without Electron: open the console at ` +
        `${local}${phones} — data in ${config.dataDir}`,
    );
  }

  const shutdown = (signal: string) => {
    backend.app.log.info({ signal }, 'stopping');
    backend.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace NodeJS {
    interface Process {
      /** Set when running as an Electron utility process. */
      parentPort?: { postMessage(message: unknown): void };
    }
  }
}

await main();
