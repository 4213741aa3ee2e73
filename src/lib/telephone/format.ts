const oneDecimal = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('es-CO');

/** 66.7 → "66,7 %"; null (no denominator yet) → "—". */
export const formatPercent = (value: number | null): string => (value === null ? '—' : `${oneDecimal.format(value)} %`);

/** An NPS score (−100 to 100) with one decimal: "+12,5", "−3,0"; null → "—". */
export const formatScore = (value: number | null): string =>
  value === null ? '—' : `${value > 0 ? '+' : value < 0 ? '−' : ''}${oneDecimal.format(Math.abs(value))}`;

/** A margin of error in NPS points: "± 8,4"; null → "—". */
export const formatMargin = (value: number | null): string => (value === null ? '—' : `± ${oneDecimal.format(value)}`);

export const formatCount = (value: number): string => whole.format(value);
