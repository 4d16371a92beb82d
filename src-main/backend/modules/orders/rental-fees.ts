const DAY_MS = 86_400_000;

export interface RentedLine {
  /** Rent per unit per day, integer đồng. */
  unitPrice: number;
  quantity: number;
  rentalDays: number | null;
}

/**
 * A percent from the settings (`150.0`, `12.5`) as an integer number of hundredths, so money
 * is multiplied by integers only and never picks up binary-fraction noise.
 */
const hundredths = (percent: number) => Math.round(percent * 100);

/** `percent` of `amount` in whole đồng, rounded down: never a fraction the customer didn't owe. */
export const percentOf = (amount: number, percent: number) =>
  Math.floor((amount * hundredths(percent)) / 10_000);

/** A rental's window: it starts when it goes out and lasts its longest line's days. */
export function rentalWindow(start: Date, lines: RentedLine[]) {
  const days = Math.max(1, ...lines.map((l) => l.rentalDays ?? 1));
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + days * DAY_MS).toISOString(),
  };
}

/** Whole days past `end` at `at`: a minute late counts as a day, on time counts as none. */
export function daysLate(end: string | null, at: Date): number {
  if (!end) return 0;
  const late = at.getTime() - new Date(end).getTime();
  return late > 0 ? Math.ceil(late / DAY_MS) : 0;
}

/** The rent of one day of the whole order: Σ unit rent per day × quantity. */
export const dailyRent = (lines: RentedLine[]) =>
  lines.reduce((sum, l) => sum + l.unitPrice * l.quantity, 0);

/**
 * Overdue fee = days late × daily rent × `overdue_fee_rate`% (seed 002 default 150%),
 * computed on the exact product and rounded down once, to integer đồng.
 */
export const overdueFee = (lines: RentedLine[], late: number, ratePercent: number) =>
  late > 0 ? percentOf(late * dailyRent(lines), ratePercent) : 0;

/**
 * Rent-to-own: the sale price less `rent_deduction`% of the rent already paid, never below 0.
 */
export function buyOutPrice(salePrice: number, rentPaid: number, deductionPercent: number) {
  const deduction = Math.min(salePrice, percentOf(Math.max(0, rentPaid), deductionPercent));
  return { subtotal: salePrice, deduction, total: salePrice - deduction };
}
