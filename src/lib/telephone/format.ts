import { formatCount } from '../number-format.ts';

const oneDecimal = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });


/** An NPS score (−100 to 100) with one decimal: "+12,5", "−3,0"; null → "—". */
export const formatScore = (value: number | null): string =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${oneDecimal.format(Math.abs(value))}`;


/**
 * Fewest answers for which a margin of error is published. The 95 % margin (1,96 × standard error) rests on
 * the normal approximation, which survey practice accepts from n ≥ 30 (the central limit theorem's usual rule
 * of thumb); below it the interval is meaningless («± 106,7 puntos» on a scale of 200), so the count is shown
 * and the margin withheld, as statistics offices do with samples too small to estimate from.
 */
export const MIN_SAMPLE_FOR_MARGIN = 30;

export const hasSampleForMargin = (n: number): boolean => n >= MIN_SAMPLE_FOR_MARGIN;

export const insufficientSampleText = (n: number): string =>
  `Muestra insuficiente para calcular el margen de error (n = ${formatCount(n)}; se requieren al menos ${MIN_SAMPLE_FOR_MARGIN})`;

/** A margin of error in NPS points over n answers: "± 8,4", or why there is none. */
export const formatMargin = (value: number | null, n: number): string =>
  value === null || !hasSampleForMargin(n) ? insufficientSampleText(n) : `± ${oneDecimal.format(value)}`;

/** The NPS's margin with its confidence and sample: "± 8,4 puntos al 95 %, n = 163", or why there is none. */
export const formatMarginWithSample = (value: number | null, n: number): string =>
  value === null || !hasSampleForMargin(n) ? insufficientSampleText(n) : `${formatMargin(value, n)} puntos al 95 %, n = ${formatCount(n)}`;
