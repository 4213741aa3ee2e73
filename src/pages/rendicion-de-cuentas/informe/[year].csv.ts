import type { APIRoute } from 'astro';
import { getReport } from '../../../lib/accountability/report.ts';
import { reportCsv } from '../../../lib/accountability/report-csv.ts';

export const prerender = false;

/** The report's numbers as CSV (UTF-8 with BOM so spreadsheets in es-CO read the accents). */
export const GET: APIRoute = async ({ params }) => {
  const year = Number(params.year);
  const report = Number.isInteger(year) ? await getReport(year) : null;
  if (!report) return new Response('No hay informe de rendición de cuentas para ese año.', { status: 404 });
  return new Response(`\uFEFF${reportCsv(report)}`, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="rendicion-de-cuentas-${year}.csv"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
};
