import { LEVEL_LABELS, type Tally } from './schemas.ts';

const ONE_DECIMAL = new Intl.NumberFormat('es-CO', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** "57,7 de 100", or a dash when nothing applicable was assessed. */
export const formatScore = (score: number | null): string => (score === null ? '—' : `${ONE_DECIMAL.format(score)} de 100`);

export const formatLevel = (tally: Pick<Tally, 'level'>): string => (tally.level ? LEVEL_LABELS[tally.level] : 'Sin puntaje');

/** The change from last year in points, signed ("+6,3", "−2,0"), or null without a comparison. */
export function formatChange(now: number | null, before: number | null | undefined): string | null {
  if (now === null || before === null || before === undefined) return null;
  const change = Math.round((now - before) * 10) / 10;
  return change === 0 ? 'sin cambio' : `${change > 0 ? '+' : '−'}${ONE_DECIMAL.format(Math.abs(change))}`;
}
