import { describe, expect, it } from 'vitest';
import { createCartVerifier } from './cart-verifier.ts';

const options = {
  toleranceGrams: 15,
  tolerancePercent: 5,
  placeWithinMs: 10_000,
  minConfidence: 0.6,
};

describe('cart verifier', () => {
  it('matches a scan with its weight within tolerance', () => {
    const v = createCartVerifier(options);
    v.expect(1, '111', 500, 0);
    expect(v.weighed(512, 1000)).toBeNull();
    expect(v.pendingCount()).toBe(0);
  });

  it('reports an item put in without a scan, and one taken out without a scan', () => {
    const v = createCartVerifier(options);
    expect(v.weighed(300, 0)?.kind).toBe('unscanned_item');
    expect(v.weighed(-300, 0)?.kind).toBe('unexpected_removal');
  });

  it('reports a weight that does not fit the scanned item as the wrong item', () => {
    const v = createCartVerifier(options);
    v.expect(1, '111', 500, 0);
    const d = v.weighed(1000, 100);
    expect(d?.kind).toBe('wrong_item');
    expect(d?.detail).toMatchObject({ barcode: '111', expected_grams: 500, measured_grams: 1000 });
  });

  it('reports a scanned item that never reached the scale, once', () => {
    const v = createCartVerifier(options);
    v.expect(1, '111', 500, 0);
    expect(v.overdue(5_000)).toEqual([]);
    expect(v.overdue(10_001).map((d) => d.kind)).toEqual(['scanned_not_placed']);
    expect(v.overdue(20_000)).toEqual([]);
  });

  it('compares confident recognition with the last scan', () => {
    const v = createCartVerifier(options);
    v.expect(1, '111', 500, 0);
    expect(v.recognised([{ label: 'ca phe', confidence: 0.9, barcode: '111' }], 100)).toBeNull();
    expect(v.recognised([{ label: 'tra', confidence: 0.3, barcode: '222' }], 100)).toBeNull();
    expect(v.recognised([{ label: 'tra', confidence: 0.9, barcode: '222' }], 100)?.kind).toBe(
      'wrong_item',
    );
  });
});
