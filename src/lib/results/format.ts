// Numbers as people in Colombia read them in results: decimals and NPS with its sign (counts and percentages: ../number-format.ts).
import { formatCount } from '../number-format.ts';

const integer = new Intl.NumberFormat('es-CO', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
const month = new Intl.DateTimeFormat('es-CO', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export const formatDecimal = (n: number | null | undefined): string => (n === null || n === undefined ? '—' : decimal.format(n));
/** NPS is a whole number from −100 to +100, shown with its sign. */
export const formatScore = (n: number | null | undefined): string =>
  n === null || n === undefined ? '—' : `${n > 0 ? '+' : n < 0 ? '−' : ''}${integer.format(Math.abs(n))}`;

/** "2026-10" → "octubre de 2026". */
export function monthLabel(value: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(value);
  return match ? month.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 15))) : value;
}

export const responsesText = (n: number): string => (n === 1 ? '1 respuesta' : `${formatCount(n)} respuestas`);
