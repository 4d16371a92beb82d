import { readFileSync } from 'node:fs';
import { appRoot } from './paths.ts';
import { join } from 'node:path';

/** The app version, read once from package.json at the app root. */
export function readAppVersion(): string {
  const pkg = JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}
