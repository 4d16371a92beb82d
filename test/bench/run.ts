import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '#main/backend/lib/paths';
import { benchCarts } from './carts.bench.ts';
import { benchCatalog } from './catalog.bench.ts';
import { benchCheckout } from './checkout.bench.ts';
import { benchColdStart } from './cold-start.bench.ts';

// `npm run bench`: every benchmark the issues ask for, printed as "name: figure" lines.

if (!existsSync(join(appRoot(), 'dist/main/backend/standalone.js'))) {
  console.error('Build first: npm run build');
  process.exit(1);
}

const suites: [string, () => Promise<Record<string, string>>][] = [
  ['startup and memory', benchColdStart],
  ['catalog: listing, search, detail (issue 3)', benchCatalog],
  ['smart carts: cart → phone latency (issue 4)', benchCarts],
  ['checkout: concurrent checkouts with webhook-confirmed payments (issue 5)', benchCheckout],
];

const only = process.argv[2];
for (const [name, run] of suites) {
  if (only && !name.includes(only)) continue;
  console.log(`\n## ${name}`);
  for (const [metric, value] of Object.entries(await run())) console.log(`${metric}: ${value}`);
}
