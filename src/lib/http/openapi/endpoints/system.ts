import * as z from 'zod';
import type { Endpoint } from '../endpoint.ts';

// The health function builds this object inline; the description holds it to the same two fields.
const health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'error']) });

export const SYSTEM_ENDPOINTS: Endpoint[] = [
  {
    method: 'get',
    path: '/api/health',
    tag: 'Sistema',
    summary: 'Estado del servicio y de su base de datos',
    responses: {
      200: { description: 'Todo en servicio.', body: health },
      503: { description: 'La base de datos no responde.', body: health },
    },
  },
  {
    method: 'get',
    path: '/api/openapi.json',
    tag: 'Sistema',
    summary: 'Esta descripción de la API (OpenAPI 3.1)',
    responses: { 200: { description: 'El documento OpenAPI.' } },
  },
];
