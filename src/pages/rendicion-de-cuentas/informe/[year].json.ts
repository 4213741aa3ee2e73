import type { APIRoute } from 'astro';
import { getReport } from '../../../lib/accountability/report.ts';

export const prerender = false;

/** The whole report as JSON: what the page shows, for open-data users. */
export const GET: APIRoute = async ({ params }) => {
  const year = Number(params.year);
  const report = Number.isInteger(year) ? await getReport(year) : null;
  if (!report) return Response.json({ error: { code: 'not_found', message: 'No hay informe de rendición de cuentas para ese año.' } }, { status: 404 });
  return Response.json(report, { headers: { 'Cache-Control': 'public, max-age=300' } });
};
