import { formatDay } from '../bogota-time.ts';
import type { Grain } from './period.ts';

/** Words people read for the values the visits report stores as codes. */
const DEVICES: Record<string, string> = { desktop: 'Computador', mobile: 'Celular', tablet: 'Tableta' };
const regions = new Intl.DisplayNames(['es'], { type: 'region' });
const shortDay = new Intl.DateTimeFormat('es-CO', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat('es-CO', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const at = (day: string) => new Date(`${day}T00:00:00Z`);

export const deviceLabel = (value: string): string => DEVICES[value] ?? value;
export const sourceLabel = (value: string): string => (value === 'directo' ? 'Entrada directa o sin procedencia' : value);

export function countryLabel(code: string): string {
  if (!code) return 'Sin dato de ubicación';
  try {
    return regions.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "campaña|fuente|medio" as the rollup keeps it. */
export function splitCampaign(value: string): { campaign: string; source: string; medium: string } {
  const [campaign = '', source = '', medium = ''] = value.split('|');
  return { campaign, source, medium };
}

/** A period's label in the table beside the time chart: "28 de nov", "Semana del 23 de nov", "noviembre de 2026". */
export function periodLabel(start: string, grain: Grain): string {
  if (grain === 'month') return monthYear.format(at(start));
  return grain === 'week' ? `Semana del ${shortDay.format(at(start))}` : shortDay.format(at(start));
}

/** The short label under a column of the time chart, where space is tight: "30/10", or "10/2026" by month. */
export function axisLabel(start: string, grain: Grain): string {
  const [year, month, day] = start.split('-');
  return grain === 'month' ? `${month}/${year}` : `${day}/${month}`;
}

/** The period in words, for the title and the print header: "del 1 de octubre de 2026 al 31 de octubre de 2026". */
export const periodTitle = (from: string, to: string): string => (from === to ? `del ${formatDay(from)}` : `del ${formatDay(from)} al ${formatDay(to)}`);
