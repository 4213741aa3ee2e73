import { describe, expect, it } from 'vitest';
import { formatMargin, formatMarginWithSample, MIN_SAMPLE_FOR_MARGIN } from '../../src/lib/telephone/format.ts';

describe('the NPS margin of error as the report prints it', () => {
  it('is withheld below 30 answers: the count and why, instead of «± 106,7»', () => {
    expect(MIN_SAMPLE_FOR_MARGIN).toBe(30);
    expect(formatMargin(106.7, 3)).toBe('Muestra insuficiente para calcular el margen de error (n = 3; se requieren al menos 30)');
    expect(formatMarginWithSample(106.7, 3)).toBe('Muestra insuficiente para calcular el margen de error (n = 3; se requieren al menos 30)');
    expect(formatMargin(18.2, 29)).toBe('Muestra insuficiente para calcular el margen de error (n = 29; se requieren al menos 30)');
    expect(formatMarginWithSample(null, 0)).toBe('Muestra insuficiente para calcular el margen de error (n = 0; se requieren al menos 30)');
  });

  it('is shown from 30 answers on, with its confidence and sample size', () => {
    expect(formatMargin(27.9, 30)).toBe('± 27,9');
    expect(formatMarginWithSample(27.9, 30)).toBe('± 27,9 puntos al 95 %, n = 30');
    expect(formatMarginWithSample(3.14, 1520)).toBe('± 3,1 puntos al 95 %, n = 1.520');
  });
});
