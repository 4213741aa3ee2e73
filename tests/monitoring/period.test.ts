import { describe, expect, it } from 'vitest';
import { choosePeriod, periodQuery, todayInBogota } from '../../src/lib/monitoring/period.ts';

const TODAY = '2026-11-28';
const choose = (query: string, defaultDays?: number) => choosePeriod(new URLSearchParams(query), TODAY, defaultDays);

describe('report period from the query string', () => {
  it('defaults to the last 30 days by day, or a year by week', () => {
    expect(choose('')).toEqual({ period: { from: '2026-10-30', to: TODAY, grain: 'day' }, error: null });
    expect(choose('', 365)).toEqual({ period: { from: '2025-11-29', to: TODAY, grain: 'week' }, error: null });
  });

  it('keeps a valid period and the grain asked for, and round-trips through its query string', () => {
    const { period } = choose('desde=2026-01-01&hasta=2026-03-31&por=mes');
    expect(period).toEqual({ from: '2026-01-01', to: '2026-03-31', grain: 'month' });
    expect(choose(periodQuery(period)).period).toEqual(period);
  });

  it('groups by week or month when days would not fit on a phone', () => {
    expect(choose('desde=2026-01-01&hasta=2026-11-28&por=dia').period.grain).toBe('week');
    expect(choose('desde=2024-01-01&hasta=2026-11-28&por=dia').period.grain).toBe('month');
  });

  it.each([
    ['desde=2026-02-30&hasta=2026-03-01', 'Escriba las dos fechas del periodo (día, mes y año).'],
    ['desde=2026-03-01', 'Escriba las dos fechas del periodo (día, mes y año).'],
    ['desde=2026-05-01&hasta=2026-04-01', 'La fecha inicial debe ser anterior o igual a la final.'],
    ['desde=2026-11-01&hasta=2026-12-01', 'El periodo no puede terminar en el futuro.'],
    ['desde=2020-01-01&hasta=2026-11-01', 'Elija un periodo de tres años o menos.'],
  ])('refuses %s with a message and shows the default period', (query, error) => {
    expect(choose(query)).toEqual({ period: { from: '2026-10-30', to: TODAY, grain: 'day' }, error });
  });

  it('knows the date in Bogotá (UTC−5) around midnight UTC', () => {
    expect(todayInBogota(new Date('2026-11-29T03:00:00Z'))).toBe('2026-11-28');
    expect(todayInBogota(new Date('2026-11-29T05:00:00Z'))).toBe('2026-11-29');
  });
});
