// Bundles the backend (and the Electron shell) into dist/main. Bundling the pure-JS
// dependencies too cuts start-up: resolving and reading hundreds of small module files
// costs more than the terminal's own work at start. Native modules (and packages that read
// their own files at run time) stay in node_modules.
import { build } from 'esbuild';

const external = [
  'serialport',
  '@serialport/*',
  'usb',
  'better-sqlite3',
  'argon2',
  'electron',
  '@fastify/swagger-ui',
  'pino',
  'thread-stream',
];
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
};

await build({
  ...common,
  entryPoints: { 'backend/standalone': 'src-main/backend/standalone.ts' },
  outdir: 'dist/main',
  format: 'esm',
  external,
  // CommonJS dependencies call require() for Node's built-ins; give the ESM bundle one.
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
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
  external,
});
