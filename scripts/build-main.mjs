// Bundles the backend (and the Electron shell) into dist/main. Dependencies stay external:
// native modules (better-sqlite3, argon2) must be loaded from node_modules.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { 'backend/standalone': 'src-main/backend/standalone.ts' },
  outdir: 'dist/main',
  format: 'esm',
});
await build({
  ...common,
  entryPoints: {
    'electron/main': 'src-main/electron/main.ts',
    'electron/preload': 'src-main/electron/preload.ts',
  },
  outdir: 'dist/main',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
  external: ['electron'],
});
