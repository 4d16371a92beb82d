import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '#test/helpers/test-server';

// Relevance of GET /products/search over the demo catalog, judged as a Vietnamese shopper
// would. Every query runs, and all the misses are reported together: one failing query must
// not hide the others, and a ranking change is best reviewed as a whole.

interface RelevanceCase {
  kind: string;
  q: string;
  /** The expected first result; a list means any one of them is right. */
  top: string | string[];
  /** Products that must all be among the first `n` results. */
  inTop?: { n: number; names: string[] };
}

const fixtureUrl = new URL('../fixtures/search-relevance.json', import.meta.url);
const catalogUrl = new URL('../../resources/demo/catalog.json', import.meta.url);
const { queries } = JSON.parse(readFileSync(fixtureUrl, 'utf8')) as { queries: RelevanceCase[] };
const catalogNames = new Set(
  (JSON.parse(readFileSync(catalogUrl, 'utf8')) as { products: { name: string }[] }).products.map(
    (p) => p.name,
  ),
);

/** What the relevance set must exercise, so that trimming it can't quietly drop a kind. */
const REQUIRED_KINDS = [
  'diacritic-free',
  'upper-case',
  'prefix',
  'typo-deletion',
  'typo-insertion',
  'typo-substitution',
  'typo-swap',
  'category',
  'tag',
  'sku',
  'barcode',
  'multi-word',
  'name-vs-description',
  'exact-before-prefix',
];

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { CARTSTATION_DEMO: 'true' } });
});
afterAll(() => server.stop());

describe('the relevance set itself', () => {
  it('has at least 40 queries covering every kind', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    expect(new Set(queries.map((c) => c.q)).size, 'duplicate queries').toBe(queries.length);
    const kinds = new Set(queries.map((c) => c.kind));
    expect(REQUIRED_KINDS.filter((k) => !kinds.has(k))).toEqual([]);
  });

  it('names only products of the demo catalog', () => {
    const named = queries.flatMap((c) => [c.top, c.inTop?.names ?? []].flat());
    expect(named.filter((name) => !catalogNames.has(name))).toEqual([]);
  });

  it('asks for typo tolerance only on words of at least five letters', () => {
    // A typo in a shorter word is not promised, so such a case would test nothing real.
    for (const c of queries.filter((q) => q.kind.startsWith('typo-'))) {
      expect(
        c.q.split(/\s+/).some((w) => w.length >= 5),
        c.q,
      ).toBe(true);
    }
  });
});

describe('GET /products/search relevance over the demo catalog', () => {
  it('ranks every query as a shopper expects', async () => {
    const misses: string[] = [];
    for (const c of queries) {
      const res = await server.request(
        'GET',
        `/products/search?q=${encodeURIComponent(c.q)}&limit=20`,
      );
      if (res.status !== 200) {
        misses.push(`[${c.kind}] ${JSON.stringify(c.q)}: status ${res.status} ${res.text}`);
        continue;
      }
      const names = (res.body.data as { name: string }[]).map((p) => p.name);
      const acceptable = ([] as string[]).concat(c.top);
      const problems: string[] = [];
      if (!acceptable.includes(names[0] ?? '')) {
        problems.push(`expected top ${acceptable.map((n) => JSON.stringify(n)).join(' or ')}`);
      }
      if (c.inTop) {
        const window = names.slice(0, c.inTop.n);
        const absent = c.inTop.names.filter((n) => !window.includes(n));
        if (absent.length > 0) {
          problems.push(`expected in top ${c.inTop.n}: ${absent.join(', ')}`);
        }
      }
      if (problems.length > 0) {
        const shown = c.inTop ? Math.max(3, c.inTop.n) : 3;
        misses.push(
          `[${c.kind}] ${JSON.stringify(c.q)}: ${problems.join('; ')}; ` +
            `got top ${shown}: ${JSON.stringify(names.slice(0, shown))} (total ${res.body.pagination.total})`,
        );
      }
    }
    expect(misses, `\n${misses.join('\n')}\n`).toEqual([]);
  });
});
