import { foldVietnamese } from '#shared/text/fold';
import type { TypoIndex } from './typo-index.ts';

/** Words shorter than this are matched as typed: one edit would change their meaning. */
const MIN_TYPO_LENGTH = 5;
const MAX_TERMS = 8;

/** The words of a shopper's query, folded; FTS syntax (quotes, *, -, NEAR, …) is just text. */
export function queryTerms(query: string): string[] {
  return (foldVietnamese(query).match(/[a-z0-9]+/g) ?? []).slice(0, MAX_TERMS);
}

/**
 * Builds the FTS5 MATCH expression. Each word matches as itself OR as a prefix, so an exact
 * word scores in both branches and ranks above a partial one; a long word that matches
 * nothing also matches the indexed words one typo away from it. Every term is quoted, so no
 * input can inject FTS operators.
 */
export function buildMatchExpression(
  terms: string[],
  typos: { knows(term: string): boolean; index(): TypoIndex } | null,
): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const options = [`"${term}"`, `"${term}"*`];
      // The typo index is only consulted for words the catalog doesn't know at all.
      if (typos && term.length >= MIN_TYPO_LENGTH && !/\d/.test(term) && !typos.knows(term)) {
        for (const near of typos.index().near(term)) options.push(`"${near}"`);
      }
      return `(${options.join(' OR ')})`;
    })
    .join(' AND ');
}
