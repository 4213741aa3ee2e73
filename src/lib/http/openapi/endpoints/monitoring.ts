import * as z from 'zod';
import { accountInput, collectInput, importSnapshotsInput, publishInput, snapshotInput } from '../../../monitoring/schemas.ts';
import type { Endpoint } from '../endpoint.ts';

const TAG = 'Monitoreo';
const STAFF_FORM = 'Formulario del personal: vuelve a la página del informe con `?ok=` o `?error=`.';

const snapshot = z.object({
  network: z.string(),
  measuredOn: z.string().describe('AAAA-MM-DD'),
  followers: z.number().int(),
  posts: z.number().int().optional(),
  reach: z.number().int().optional(),
  engagement: z.number().int().optional(),
});

export const MONITORING_ENDPOINTS: Endpoint[] = [
  {
    method: 'post',
    path: '/api/collect',
    tag: TAG,
    summary: 'Registrar una visita a una página (contador de visitas sin cookies, actividad 4.2)',
    description:
      'Lo envía el script /visitas.js. Con la misma Idempotency-Key y el mismo cuerpo, la visita se cuenta una vez (con otro cuerpo: 409). No guarda la dirección IP ni el agente de usuario completo; con DNT: 1 o Sec-GPC: 1, de un robot o para páginas del personal responde igual y no guarda nada.',
    body: collectInput,
    idempotent: true,
    responses: { 202: { description: 'Recibida.', body: z.object({}) } },
  },
  {
    method: 'post',
    path: '/api/admin/monitoring/snapshots',
    tag: TAG,
    staff: true,
    summary: 'Registrar las cifras de una red social en una fecha: seguidores y, si se conocen, publicaciones, alcance e interacciones',
    body: snapshotInput,
    form: STAFF_FORM,
    responses: { 201: { description: 'Las cifras registradas.', body: snapshot } },
  },
  {
    method: 'post',
    path: '/api/admin/monitoring/snapshots/import',
    tag: TAG,
    staff: true,
    summary: 'Importar cifras de redes sociales desde CSV (red, fecha, seguidores, publicaciones, alcance, interacciones): todas o ninguna',
    description: 'Cada error nombra la fila y la columna del archivo (`rows.<fila>.<columna>`).',
    body: importSnapshotsInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'Filas importadas.', body: z.object({ imported: z.number().int() }) } },
  },
  {
    method: 'post',
    path: '/api/admin/monitoring/accounts',
    tag: TAG,
    staff: true,
    summary: 'Nombrar la cuenta de la entidad en una red social',
    body: accountInput,
    form: STAFF_FORM,
    responses: { 200: { description: 'La cuenta guardada.', body: z.object({ network: z.string(), handle: z.string(), url: z.string().nullable() }) } },
  },
  {
    method: 'post',
    path: '/api/admin/monitoring/reports/{report}/publish',
    tag: TAG,
    staff: true,
    summary: 'Publicar el informe de un periodo como evidencia del plan (sitio: 4.2, redes: 4.1)',
    params: { report: '`sitio` (visitas del sitio web) o `redes` (redes sociales).' },
    body: publishInput,
    form: STAFF_FORM,
    responses: {
      200: {
        description: 'La evidencia del plan, creada o actualizada.',
        body: z.object({ id: z.number().int(), activityCode: z.string(), label: z.string(), url: z.string() }),
      },
    },
    errors: [404],
  },
];
