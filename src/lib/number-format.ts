// Numbers as people in Colombia read them (es-CO: 1.234, 66,7 %), shared by every report and staff page.
const oneDecimal = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });

/** 66.7 → "66,7 %", a real zero → "0,0 %"; a missing value (no denominator yet) → "—", never a made-up zero. */
export const formatPercent = (value: number | null | undefined): string =>
  value === null || value === undefined ? '—' : `${oneDecimal.format(value)} %`;

/** A count: 1234 → "1.234"; nothing counted yet (null) → "0". */
export const formatCount = (value: number | null | undefined): string => whole.format(value ?? 0);
