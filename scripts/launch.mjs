// `npm start`: the desktop app when Electron is installed; otherwise the same backend under
// plain Node, serving the console to a browser (standalone.ts prints the URL in one line).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

function electronBinary() {
  try {
    // The electron package exports the path of its binary, and throws if it was never fetched.
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const electron = electronBinary();
const child = electron
  ? spawn(electron, ['.'], { stdio: 'inherit' })
  : spawn(process.execPath, ['dist/main/backend/standalone.js'], { stdio: 'inherit' });

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
