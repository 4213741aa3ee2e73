import { describe, expect, it } from 'vitest';
import { formatCount, formatPercent } from '../../src/lib/number-format.ts';

describe('formatPercent, the one percentage of every report', () => {
  it('shows a real zero as a figure', () => {
    expect(formatPercent(0)).toBe('0,0 %');
  });

  it('shows a missing value as a dash, never a made-up zero', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(undefined)).toBe('—');
  });

  it('reads as es-CO with one decimal', () => {
    expect(formatPercent(66.666)).toBe('66,7 %');
    expect(formatPercent(100)).toBe('100,0 %');
  });
});

describe('formatCount', () => {
  it('groups thousands with a dot and counts nothing as zero', () => {
    expect(formatCount(1234)).toBe('1.234');
    expect(formatCount(null)).toBe('0');
  });
});
