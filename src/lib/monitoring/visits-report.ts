import { rpc } from '../db/store.ts';
import type { Period } from './period.ts';

export type VisitRow = { value: string; views: number; visitors: number };
export type VisitPeriod = { start: string; views: number; visitors: number };

/**
 * Views and unique daily visitors of a period (plan 4.2). Visitors of a week or a month are the sum of
 * its days: the visitor hash changes every day, so nobody is recognised from one day to the next.
 */
export type VisitsReport = {
  from: string;
  to: string;
  grain: Period['grain'];
  views: number;
  visitors: number;
  series: VisitPeriod[];
  pages: VisitRow[];
  sources: VisitRow[];
  campaigns: VisitRow[];
  devices: VisitRow[];
  browsers: VisitRow[];
  countries: VisitRow[];
};

export function getVisitsReport(period: Period): Promise<VisitsReport> {
  return rpc<VisitsReport>('site_visits_report', { p_from: period.from, p_to: period.to, p_grain: period.grain });
}
