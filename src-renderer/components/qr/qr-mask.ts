// The eight data masks of ISO/IEC 18004 §7.8 and the penalty rules used to pick one. Any mask
// decodes; the lowest penalty is the one phone cameras read most easily.

export type Grid = boolean[][];

const MASKS: ((x: number, y: number) => boolean)[] = [
  (x, y) => (x + y) % 2 === 0,
  (_x, y) => y % 2 === 0,
  (x) => x % 3 === 0,
  (x, y) => (x + y) % 3 === 0,
  (x, y) => (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
  (x, y) => ((x * y) % 2) + ((x * y) % 3) === 0,
  (x, y) => (((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
  (x, y) => (((x + y) % 2) + ((x * y) % 3)) % 2 === 0,
];

export const MASK_COUNT = MASKS.length;

/** XORs mask `mask` over every module that is not part of a function pattern. */
export function applyMask(modules: Grid, isFunction: Grid, mask: number): void {
  const invert = MASKS[mask]!;
  modules.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!isFunction[y]![x] && invert(x, y)) row[x] = !dark;
    }),
  );
}

const FINDER_LIKE = ['10111010000', '00001011101'];

function lineScore(line: boolean[]): number {
  let score = 0;
  let run = 1;
  for (let i = 1; i <= line.length; i++) {
    if (i < line.length && line[i] === line[i - 1]) {
      run++;
      continue;
    }
    if (run >= 5) score += 3 + (run - 5); // N1
    run = 1;
  }
  const text = line.map((dark) => (dark ? '1' : '0')).join('');
  for (const pattern of FINDER_LIKE) {
    for (let at = text.indexOf(pattern); at >= 0; at = text.indexOf(pattern, at + 1)) score += 40; // N3
  }
  return score;
}

export function penalty(modules: Grid): number {
  const size = modules.length;
  let score = 0;
  for (let i = 0; i < size; i++) {
    score += lineScore(modules[i]!);
    score += lineScore(modules.map((row) => row[i]!));
  }
  let dark = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const c = modules[y]![x]!;
      if (c) dark++;
      if (x + 1 < size && y + 1 < size) {
        const block = [modules[y]![x + 1], modules[y + 1]![x], modules[y + 1]![x + 1]];
        if (block.every((d) => d === c)) score += 3; // N2
      }
    }
  }
  // N4: 10 points for every 5% the dark share strays from half.
  const total = size * size;
  score += Math.floor(Math.abs(dark * 20 - total * 10) / total) * 10;
  return score;
}
