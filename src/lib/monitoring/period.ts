/**
 * The period a monitoring report covers, from its query string (?desde=YYYY-MM-DD&hasta=…&por=dia|semana|mes)
 * so the date-range form works without JavaScript and a published link reopens the same report.
 */
export type Grain = 'day' | 'week' | 'month';
export type Period = { from: string; to: string; grain: Grain };
export type PeriodChoice = { period: Period; error: string | null };

export const GRAINS: { value: Grain; param: string; label: string }[] = [
  { value: 'day', param: 'dia', label: 'Por día' },
  { value: 'week', param: 'semana', label: 'Por semana' },
  { value: 'month', param: 'mes', label: 'Por mes' },
];

/** "day" → "dia": the word the query string and the CSV use. */
export const grainParam = (grain: Grain): string => GRAINS.find((g) => g.value === grain)!.param;

const DAY_MS = 86_400_000;
const MAX_DAYS = 3 * 366;
/** More bars than this do not fit a phone: longer periods go by week or month. */
const MAX_BARS = 62;

export const todayInBogota = (now = new Date()): string => new Date(now.getTime() - 5 * 3_600_000).toISOString().slice(0, 10);
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

function isDay(value: string | null): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function fittingGrain(from: string, to: string, asked: Grain | undefined): Grain {
  const days = daysBetween(from, to) + 1;
  const bars: Record<Grain, number> = { day: days, week: Math.ceil(days / 7) + 1, month: Math.ceil(days / 28) + 1 };
  if (asked && bars[asked] <= MAX_BARS) return asked;
  return (['day', 'week', 'month'] as const).find((g) => bars[g] <= MAX_BARS) ?? 'month';
}

/** `defaultDays`: the period shown when none is asked for, ending today. */
export function choosePeriod(params: URLSearchParams, today = todayInBogota(), defaultDays = 30): PeriodChoice {
  const fallback = (error: string | null): PeriodChoice => {
    const from = addDays(today, -(defaultDays - 1));
    return { period: { from, to: today, grain: fittingGrain(from, today, undefined) }, error };
  };
  const asked = GRAINS.find((g) => g.param === params.get('por'))?.value;
  const rawFrom = params.get('desde');
  const rawTo = params.get('hasta');
  if (!rawFrom && !rawTo) {
    const choice = fallback(null);
    return asked ? { ...choice, period: { ...choice.period, grain: fittingGrain(choice.period.from, today, asked) } } : choice;
  }
  if (!isDay(rawFrom) || !isDay(rawTo)) return fallback('Escriba las dos fechas del periodo (día, mes y año).');
  if (rawFrom > rawTo) return fallback('La fecha inicial debe ser anterior o igual a la final.');
  if (rawTo > today) return fallback('El periodo no puede terminar en el futuro.');
  if (daysBetween(rawFrom, rawTo) + 1 > MAX_DAYS) return fallback('Elija un periodo de tres años o menos.');
  return { period: { from: rawFrom, to: rawTo, grain: fittingGrain(rawFrom, rawTo, asked) }, error: null };
}

/** The query string of a period, for links (CSV, publishing) that must show the same report. */
export function periodQuery(period: Period): string {
  return new URLSearchParams({ desde: period.from, hasta: period.to, por: grainParam(period.grain) }).toString();
}
