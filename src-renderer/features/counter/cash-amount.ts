/** What the cashier typed, in whole đồng: digits only, so "200.000", "200,000" and "200000" agree. */
export function parseDong(text: string): number | null {
  const digits = text.replace(/[^\d]/g, '');
  if (!digits) return null;
  const value = Number(digits);
  return Number.isSafeInteger(value) ? value : null;
}

const NOTES = [10_000, 20_000, 50_000, 100_000, 200_000, 500_000];

/**
 * Amounts a customer is likely to hand over for `total`: the exact sum, then the total rounded
 * up to each common banknote, smallest first, at most `count` of them.
 */
export function likelyTenders(total: number, count = 4): number[] {
  const amounts = new Set<number>([total]);
  for (const note of NOTES) amounts.add(Math.ceil(total / note) * note);
  return [...amounts]
    .filter((a) => a >= total)
    .sort((a, b) => a - b)
    .slice(0, count);
}
