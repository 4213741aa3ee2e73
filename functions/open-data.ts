import type { Config, Context } from '@netlify/functions';
import { endpoint } from '../src/lib/http/endpoint.ts';
import { withSecurityHeaders } from '../src/lib/http/headers.ts';
import { errorResponse } from '../src/lib/http/respond.ts';
import { byteStream, dictionaryCsv, getOpenDataPage, openDataCsv, openDataJson } from '../src/lib/results/open-data.ts';

const FILES = {
  'open-data.csv': { type: 'text/csv; charset=utf-8', name: 'datos-abiertos.csv', build: openDataCsv },
  'open-data.json': { type: 'application/json; charset=utf-8', name: 'datos-abiertos.json', build: openDataJson },
  'data-dictionary.csv': { type: 'text/csv; charset=utf-8', name: 'diccionario-de-datos.csv', build: null },
} as const;

export default endpoint({
  GET: async (request, context: Context) => {
    const { slug } = context.params;
    const file = FILES[new URL(request.url).pathname.split('/').pop() as keyof typeof FILES];
    if (!file) return errorResponse({ code: 'not_found' });
    const first = await getOpenDataPage(slug, 0, file.build ? undefined : 1);
    if (!first) return errorResponse({ code: 'not_found', message: 'No hay datos abiertos publicados de esa encuesta.' });
    const headers = {
      'Content-Type': file.type,
      'Content-Disposition': `attachment; filename="${first.slug}-${file.name}"`,
      'Cache-Control': 'no-store',
    };
    const body = file.build ? byteStream(file.build(first)) : dictionaryCsv(first);
    return withSecurityHeaders(new Response(body, { status: 200, headers }));
  },
});

export const config: Config = {
  path: ['/api/surveys/:slug/open-data.csv', '/api/surveys/:slug/open-data.json', '/api/surveys/:slug/data-dictionary.csv'],
};
