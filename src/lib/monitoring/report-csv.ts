import { toCsv } from '../csv.ts';
import { countryLabel, deviceLabel, sourceLabel, splitCampaign } from './labels.ts';
import { networkLabel } from './networks.ts';
import { grainParam } from './period.ts';
import type { SocialReport } from './social-report.ts';
import type { VisitRow, VisitsReport } from './visits-report.ts';

/** The visits report as open data: the page's tables, one after the other, in one long table. */
export function visitsCsv(report: VisitsReport): string {
  const section = (name: string, rows: VisitRow[], label: (v: string) => string = (v) => v) =>
    rows.map((r) => [name, label(r.value), r.views, r.visitors]);
  return toCsv([
    ['seccion', 'valor', 'visitas', 'visitantes_unicos_diarios'],
    ['total', `${report.from} a ${report.to}`, report.views, report.visitors],
    ...report.series.map((s) => [`periodo_${grainParam(report.grain)}`, s.start, s.views, s.visitors]),
    ...section('pagina', report.pages),
    ...section('procedencia', report.sources, sourceLabel),
    ...section('campana', report.campaigns, (v) => {
      const c = splitCampaign(v);
      return [c.campaign, c.source, c.medium].filter(Boolean).join(' / ');
    }),
    ...section('dispositivo', report.devices, deviceLabel),
    ...section('navegador', report.browsers),
    ...section('pais', report.countries, countryLabel),
  ]);
}

/** The networks report as open data: one row per network and month. */
export function socialCsv(report: SocialReport): string {
  return toCsv([
    ['red', 'mes', 'fecha_medicion', 'seguidores', 'cambio', 'cambio_porcentual', 'publicaciones', 'alcance', 'interacciones'],
    ...report.months.map((m) => [networkLabel(m.network), m.month.slice(0, 7), m.measuredOn, m.followers, m.change, m.changePct, m.posts, m.reach, m.engagement]),
  ]);
}

export const csvFilename = (report: 'sitio' | 'redes', from: string, to: string) => `monitoreo-${report}-${from}-a-${to}.csv`;
