/**
 * A small seeded PRNG (mulberry32) for tests: fault injection and fuzzing must be random enough
 * to find bugs and repeatable enough that a failure can be replayed from its seed.
 */
export function createSeededRandom(seed: number) {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    /** Uniform in [0, 1). */
    next,
    /** Uniform integer in [0, n). */
    int: (n: number): number => Math.floor(next() * n),
    chance: (p: number): boolean => next() < p,
    bytes(length: number): Uint8Array {
      const out = new Uint8Array(length);
      for (let i = 0; i < length; i++) out[i] = Math.floor(next() * 256);
      return out;
    },
  };
}

export type SeededRandom = ReturnType<typeof createSeededRandom>;
