import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder holding package.json, drizzle/ and resources/. Found by walking up from this
 * file, so it is the same whether the code runs from src-main (tests, tsx) or from the
 * bundle in dist/ (npm start, Electron).
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'drizzle'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the application root (package.json)');
    dir = parent;
  }
}
