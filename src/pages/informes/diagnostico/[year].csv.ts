import type { APIRoute } from 'astro';
import { getDiagnosisReport } from '../../../lib/diagnosis/read-report.ts';
import { diagnosisCsv, diagnosisCsvFilename } from '../../../lib/diagnosis/report-csv.ts';
import { parseYear } from '../../../lib/diagnosis/schemas.ts';

export const prerender = false;

/** The published diagnosis as open data: one row per requirement, then the scores. */
export const GET: APIRoute = async ({ params }) => {
  const year = parseYear(params.year);
  const report = year === null ? null : await getDiagnosisReport(year);
  if (!report) {
    return new Response('No hay un autodiagnóstico publicado de ese año.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  return new Response(diagnosisCsv(report), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${diagnosisCsvFilename(report.year)}"`,
      'Cache-Control': 'public, max-age=300',
    },
  });
};
