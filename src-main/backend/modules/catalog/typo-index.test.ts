import { describe, expect, it } from 'vitest';
import { buildMatchExpression, queryTerms } from './search-query.ts';
import { createTypoIndex, withinOneEdit } from './typo-index.ts';

describe('typo index', () => {
  const index = createTypoIndex(['robusta', 'arabica', 'thanh', 'long', 'nuoc', 'mam']);

  it.each([
    ['robsta', ['robusta']], // deletion
    ['robussta', ['robusta']], // insertion
    ['robuzta', ['robusta']], // substitution
    ['rbousta', ['robusta']], // swap
    ['robuxxta', []], // two edits
  ])('%s → %j', (typed, expected) => {
    expect(index.near(typed)).toEqual(expected);
  });

  it('knows prefixes', () => {
    expect(index.hasPrefix('rob')).toBe(true);
    expect(index.hasPrefix('robz')).toBe(false);
  });

  it('measures one edit exactly', () => {
    expect(withinOneEdit('abc', 'acb')).toBe(true);
    expect(withinOneEdit('abc', 'cab')).toBe(false);
    expect(withinOneEdit('abc', 'abcd')).toBe(true);
  });
});

describe('search query', () => {
  it('folds and splits, dropping FTS syntax', () => {
    expect(queryTerms('Cà PHÊ "sữa" NEAR(x) -đá*')).toEqual([
      'ca',
      'phe',
      'sua',
      'near',
      'x',
      'da',
    ]);
  });

  it('quotes every term and adds typo alternatives for long unknown words', () => {
    const index = createTypoIndex(['robusta']);
    const typos = { knows: (t: string) => index.hasPrefix(t), index: () => index };
    expect(buildMatchExpression(['ca', 'robsta'], typos)).toBe(
      '("ca" OR "ca"*) AND ("robsta" OR "robsta"* OR "robusta")',
    );
    expect(buildMatchExpression([], typos)).toBeNull();
  });
});
