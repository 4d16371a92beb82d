import { utilityProcess, type UtilityProcess } from 'electron';
import { join } from 'node:path';

/**
 * Runs the backend in an Electron utility process: SQLite batches and argon2 then never
 * stall the thread that drives the windows. Resolves with the console's URL once listening.
 */
export function startBackend(dataDir: string): Promise<{ url: string; child: UtilityProcess }> {
  const child = utilityProcess.fork(join(__dirname, '..', 'backend', 'standalone.js'), [], {
    env: { ...process.env, CARTSTATION_DATA_DIR: process.env.CARTSTATION_DATA_DIR ?? dataDir },
    stdio: 'inherit',
    serviceName: 'Cartstation backend',
  });
  return new Promise((resolve, reject) => {
    child.on('message', (message) => {
      const m = message as { type?: string; url?: string };
      if (m.type === 'ready' && m.url) resolve({ url: m.url, child });
    });
    child.on('exit', (code) => reject(new Error(`The backend exited with code ${code}`)));
  });
}
