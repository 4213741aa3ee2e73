import * as z from 'zod';
import type { Endpoint } from '../endpoint.ts';

// The health function builds this object inline; the description holds it to the same two fields.
const health = z.object({ status: z.enum(['ok', 'degraded']), db: z.enum(['ok', 'error']) });

// Sign-in reads only `token`; the rest of the body is ignored.
const signIn = z.object({ token: z.string().meta({ description: 'El token del enlace de acceso (`npm run staff:link`).' }) });

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
  {
    method: 'post',
    path: '/api/staff/session',
    tag: 'Sesión del personal',
    summary: 'Iniciar sesión del personal con el token de un enlace de acceso',
    body: signIn,
    form: 'A `/staff` con la cookie de sesión (HttpOnly, SameSite=Strict), también desde JSON; un formulario con un token vencido vuelve a `/staff/entrar?error=enlace`.',
    responses: {},
    errors: [401],
  },
  {
    method: 'post',
    path: '/api/staff/session/end',
    tag: 'Sesión del personal',
    summary: 'Cerrar la sesión del personal',
    responses: { 303: { description: 'A `/`, borrando la cookie de sesión.' } },
  },
];
