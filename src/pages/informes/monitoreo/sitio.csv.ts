import type { APIRoute } from 'astro';
import { choosePeriod } from '../../../lib/monitoring/period.ts';
import { csvFilename, visitsCsv } from '../../../lib/monitoring/report-csv.ts';
import { getVisitsReport } from '../../../lib/monitoring/visits-report.ts';

export const prerender = false;

/** The visits report as open data: the same figures as the page, for the same period. */
export const GET: APIRoute = async ({ url }) => {
  const { period } = choosePeriod(url.searchParams);
  const report = await getVisitsReport(period);
  return new Response(visitsCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFilename('sitio', period.from, period.to)}"`,
      'Cache-Control': 'public, max-age=60',
    },
  });
};
