import { describe, expect, it } from 'vitest';
import { foldVietnamese, slugify } from './fold.ts';

describe('foldVietnamese', () => {
  it.each([
    ['Cà phê', 'ca phe'],
    ['ĐƯỜNG mía', 'duong mia'],
    ['Nước mắm Phú Quốc', 'nuoc mam phu quoc'],
    ['Bưởi da xanh', 'buoi da xanh'],
    // Precomposed and decomposed input fold the same.
    ['Cà phê'.normalize('NFD'), 'ca phe'],
  ])('%s → %s', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('slugifies names', () => {
    expect(slugify('  Gạo ST25 — Sóc Trăng! ')).toBe('gao-st25-soc-trang');
  });
});
