/**
 * Trust but verify: checks a cart's scans against its scale and camera. Pure state per
 * session; the service records what it reports as exceptions for staff.
 */

export interface VerifierOptions {
  /** A weight change matches an item when within max(toleranceGrams, tolerancePercent). */
  toleranceGrams: number;
  tolerancePercent: number;
  /** A scanned item must reach the scale within this time. */
  placeWithinMs: number;
  /** Recognition is compared with scans at or above this confidence. */
  minConfidence: number;
}

export interface Discrepancy {
  kind:
    | 'unscanned_item'
    | 'unexpected_removal'
    | 'scanned_not_placed'
    | 'wrong_item'
    | 'unknown_barcode';
  detail: Record<string, unknown>;
}

interface Expectation {
  direction: 1 | -1;
  barcode: string;
  grams: number | null;
  at: number;
}

export function createCartVerifier(options: VerifierOptions) {
  const pending: Expectation[] = [];
  let lastScan: { barcode: string; at: number } | null = null;

  const fits = (expected: number, measured: number) =>
    Math.abs(expected - measured) <=
    Math.max(options.toleranceGrams, (expected * options.tolerancePercent) / 100);

  return {
    /** An item was scanned in (+1) or out (-1): the scale should move by its weight. */
    expect(direction: 1 | -1, barcode: string, grams: number | null, now: number): void {
      pending.push({ direction, barcode, grams, at: now });
      if (direction === 1) lastScan = { barcode, at: now };
    },

    /** The scale moved; returns a discrepancy when no scan explains the change. */
    weighed(deltaGrams: number, now: number): Discrepancy | null {
      const direction = deltaGrams > 0 ? 1 : -1;
      const measured = Math.abs(deltaGrams);
      const index = pending.findIndex(
        (e) => e.direction === direction && (e.grams === null || fits(e.grams, measured)),
      );
      if (index >= 0) {
        pending.splice(index, 1);
        return null;
      }
      const wrongWeight = pending.find((e) => e.direction === direction);
      if (wrongWeight) {
        pending.splice(pending.indexOf(wrongWeight), 1);
        return {
          kind: 'wrong_item',
          detail: {
            barcode: wrongWeight.barcode,
            expected_grams: wrongWeight.grams,
            measured_grams: measured,
            at: now,
          },
        };
      }
      return direction === 1
        ? { kind: 'unscanned_item', detail: { measured_grams: measured } }
        : { kind: 'unexpected_removal', detail: { measured_grams: measured } };
    },

    /** The camera saw something; a confident sighting must be what was last scanned. */
    recognised(
      labels: { label: string; confidence: number; barcode?: string }[],
      now: number,
    ): Discrepancy | null {
      const sure = labels.filter((l) => l.confidence >= options.minConfidence && l.barcode);
      if (!lastScan || sure.length === 0 || now - lastScan.at > options.placeWithinMs) return null;
      if (sure.some((l) => l.barcode === lastScan!.barcode)) return null;
      return {
        kind: 'wrong_item',
        detail: {
          scanned: lastScan.barcode,
          seen: sure.map((l) => ({ label: l.label, barcode: l.barcode, confidence: l.confidence })),
        },
      };
    },

    /** Scans whose weight never came: reported once, then forgotten. */
    overdue(now: number): Discrepancy[] {
      const late = pending.filter((e) => now - e.at > options.placeWithinMs);
      for (const e of late) pending.splice(pending.indexOf(e), 1);
      return late.map((e) => ({
        kind: e.direction === 1 ? 'scanned_not_placed' : 'unexpected_removal',
        detail: { barcode: e.barcode, expected_grams: e.grams },
      }));
    },

    pendingCount: () => pending.length,
  };
}

export type CartVerifier = ReturnType<typeof createCartVerifier>;
