/**
 * Seed 002's `price_range` values: "under 1000", "1000-2000", "above 3000" (any amounts, in
 * đồng; dots, commas and spaces in numbers are ignored). Null when the text is none of these.
 */
export function parsePriceRange(text: string): { min?: number; max?: number } | null {
  const t = text
    .trim()
    .toLowerCase()
    .replace(/[.,\s](?=\d)/g, '');
  let m = /^(?:under|below|<)\s*(\d+)$/.exec(t);
  if (m) return { max: Number(m[1]) - 1 };
  m = /^(?:above|over|>)\s*(\d+)$/.exec(t);
  if (m) return { min: Number(m[1]) + 1 };
  m = /^(\d+)\s*-\s*(\d+)$/.exec(t);
  if (m && Number(m[1]) <= Number(m[2])) return { min: Number(m[1]), max: Number(m[2]) };
  return null;
}
