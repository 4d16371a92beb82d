/**
 * Finds the indexed words one edit (insert, delete, substitute, swap) away from a typed word,
 * with a symmetric-delete index: every word is filed under itself and each of its one-letter
 * deletions, so a lookup is a handful of map reads instead of a scan of the vocabulary.
 */
export function createTypoIndex(words: Iterable<string>) {
  const byKey = new Map<string, string[]>();
  const vocabulary = new Set<string>();
  const file = (key: string, word: string) => {
    const list = byKey.get(key);
    if (list) {
      if (list[list.length - 1] !== word) list.push(word);
    } else byKey.set(key, [word]);
  };
  for (const word of words) {
    vocabulary.add(word);
    for (const key of keysOf(word)) file(key, word);
  }
  const sorted = [...vocabulary].sort();

  return {
    size: vocabulary.size,
    /** Whether some indexed word starts with (or is) `prefix`. */
    hasPrefix(prefix: string): boolean {
      let lo = 0;
      let hi = sorted.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid]! < prefix) lo = mid + 1;
        else hi = mid;
      }
      return lo < sorted.length && sorted[lo]!.startsWith(prefix);
    },
    /** Indexed words at edit distance exactly 1 from `word`. */
    near(word: string): string[] {
      const found = new Set<string>();
      for (const key of keysOf(word)) {
        for (const candidate of byKey.get(key) ?? []) {
          if (candidate !== word && withinOneEdit(word, candidate)) found.add(candidate);
        }
      }
      return [...found];
    },
  };
}

export type TypoIndex = ReturnType<typeof createTypoIndex>;

function keysOf(word: string): string[] {
  const keys = [word];
  for (let i = 0; i < word.length; i++) keys.push(word.slice(0, i) + word.slice(i + 1));
  return keys;
}

/** Damerau–Levenshtein distance ≤ 1 (adjacent swaps count as one edit). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.slice(i + 1) === shorter.slice(i);
}
