/**
 * Per-product values loaded in batches and kept until the catalog's version moves on (every
 * committed catalog or rating write bumps it), so a cached value is never stale. Bounded:
 * past `max` entries it starts over.
 */
export function createVersionedCache<V>(
  version: () => number,
  load: (ids: number[]) => Map<number, V>,
  fallback: V,
  max = 50_000,
) {
  const entries = new Map<number, V>();
  let cachedVersion = -1;
  return (ids: ArrayLike<number>): Map<number, V> => {
    if (cachedVersion !== version() || entries.size > max) {
      entries.clear();
      cachedVersion = version();
    }
    const wanted = Array.from(ids);
    const missing = wanted.filter((id) => !entries.has(id));
    if (missing.length > 0) {
      const loaded = load(missing);
      for (const id of missing) entries.set(id, loaded.get(id) ?? fallback);
    }
    return new Map(wanted.map((id) => [id, entries.get(id)!]));
  };
}
