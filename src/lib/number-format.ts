// Numbers as people in Colombia read them (es-CO: 1.234, 66,7 %), shared by every report and staff page.
const oneDecimal = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });

/** 66.7 → "66,7 %"; null (no denominator yet) → "—". */
export const formatPercent = (value: number | null): string => (value === null ? '—' : `${oneDecimal.format(value)} %`);

/** A count: 1234 → "1.234"; nothing counted yet (null) → "0". */
export const formatCount = (value: number | null | undefined): string => whole.format(value ?? 0);
