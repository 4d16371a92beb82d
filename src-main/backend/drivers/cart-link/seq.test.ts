import { describe, expect, it } from 'vitest';
import { isSeq, nextSeq, seqDistance } from './seq.ts';

describe('sequence numbers', () => {
  it('wrap from 65535 to 1, skipping 0', () => {
    expect(nextSeq(1)).toBe(2);
    expect(nextSeq(65534)).toBe(65535);
    expect(nextSeq(65535)).toBe(1);
    expect(isSeq(0)).toBe(false);
    expect(isSeq(65536)).toBe(false);
  });

  it('measure distance across the wrap', () => {
    expect(seqDistance(5, 9)).toBe(4);
    expect(seqDistance(9, 5)).toBe(-4);
    expect(seqDistance(65535, 1)).toBe(1);
    expect(seqDistance(65530, 3)).toBe(8);
    expect(seqDistance(3, 65530)).toBe(-8);
    expect(seqDistance(7, 7)).toBe(0);
  });

  it('split the ring in two halves', () => {
    expect(seqDistance(1, 1 + 32767)).toBe(32767);
    expect(seqDistance(1, 1 + 32768)).toBe(-32767);
    let s = 65500;
    for (let i = 1; i < 100; i++) {
      s = nextSeq(s);
      expect(seqDistance(65500, s)).toBe(i);
      expect(seqDistance(s, 65500)).toBe(-i);
    }
  });
});
