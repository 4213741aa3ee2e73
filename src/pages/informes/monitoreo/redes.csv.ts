import type { APIRoute } from 'astro';
import { choosePeriod } from '../../../lib/monitoring/period.ts';
import { csvFilename, socialCsv } from '../../../lib/monitoring/report-csv.ts';
import { getSocialReport } from '../../../lib/monitoring/social-report.ts';

export const prerender = false;

/** The networks report as open data: one row per network and month of the period. */
export const GET: APIRoute = async ({ url }) => {
  const { period } = choosePeriod(url.searchParams, undefined, 365);
  const report = await getSocialReport(period);
  return new Response(socialCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${csvFilename('redes', period.from, period.to)}"`,
      'Cache-Control': 'public, max-age=60',
    },
  });
};
