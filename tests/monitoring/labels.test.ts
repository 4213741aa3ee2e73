import { describe, expect, it } from 'vitest';
import { axisLabel, countryLabel, deviceLabel, periodLabel, periodTitle, sourceLabel, splitCampaign } from '../../src/lib/monitoring/labels.ts';

describe('visits report labels', () => {
  it('names periods in full for tables and titles, briefly under the chart', () => {
    expect(periodLabel('2026-11-23', 'week')).toBe('Semana del 23 de nov');
    expect(periodLabel('2026-11-28', 'day')).toBe('28 de nov');
    expect(periodLabel('2026-11-01', 'month')).toBe('noviembre de 2026');
    expect(axisLabel('2026-10-30', 'day')).toBe('30/10');
    expect(axisLabel('2026-10-01', 'month')).toBe('10/2026');
    expect(periodTitle('2026-10-01', '2026-10-31')).toBe('del 1 de octubre de 2026 al 31 de octubre de 2026');
    expect(periodTitle('2026-10-01', '2026-10-01')).toBe('del 1 de octubre de 2026');
  });

  it('puts stored codes into words', () => {
    expect(deviceLabel('mobile')).toBe('Celular');
    expect(sourceLabel('directo')).toBe('Entrada directa o sin procedencia');
    expect(sourceLabel('google.com')).toBe('google.com');
    expect(countryLabel('CO')).toBe('Colombia');
    expect(countryLabel('')).toBe('Sin dato de ubicación');
    expect(splitCampaign('percepcion-redes|facebook|social')).toEqual({ campaign: 'percepcion-redes', source: 'facebook', medium: 'social' });
  });
});
