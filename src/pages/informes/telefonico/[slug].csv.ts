import type { APIRoute } from 'astro';
import { reportCsv, reportCsvFilename } from '../../../lib/telephone/report-csv.ts';
import { getTelephoneReport } from '../../../lib/telephone/telephone-report.ts';

export const prerender = false;

/** The public report as open data: the same figures as the page, one row per service. */
export const GET: APIRoute = async ({ params }) => {
  const slug = params.slug ?? '';
  const report = await getTelephoneReport(slug);
  if (!report) {
    return new Response('No existe una encuesta publicada con esa dirección.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(reportCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${reportCsvFilename(slug)}"`,
      'Cache-Control': 'public, max-age=60',
    },
  });
};
