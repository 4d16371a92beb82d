/**
 * Folds Vietnamese text for matching: lower case, no tone marks or vowel hats, đ → d.
 * "Cà Phê Đường" → "ca phe duong". Search indexes and queries both go through this.
 */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/** URL-safe slug from a Vietnamese name: "Cà phê sữa" → "ca-phe-sua". */
export function slugify(text: string): string {
  return foldVietnamese(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
