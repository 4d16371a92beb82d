// Starts the built backend (dist/, as `npm start` runs it) on a fresh data directory and
// checks /health and the console answer: catches bundling mistakes the source-level tests miss.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = mkdtempSync(join(tmpdir(), 'cartstation-smoke-'));
const port = 18_000 + Math.floor(Math.random() * 1000);
const child = spawn(process.execPath, ['dist/main/backend/standalone.js'], {
  env: {
    ...process.env,
    CARTSTATION_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
let ok = false;
try {
  for (let i = 0; i < 150 && !ok && child.exitCode === null; i++) {
    await new Promise((r) => setTimeout(r, 100));
    try {
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      const home = await fetch(`http://127.0.0.1:${port}/`);
      ok = health.status === 200 && home.status === 200;
    } catch {
      // not listening yet
    }
  }
} finally {
  child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(ok ? 'built backend starts and serves /health and /' : 'built backend failed to start');
process.exit(ok ? 0 : 1);
